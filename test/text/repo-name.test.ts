import { describe, expect, it } from "vitest";
import { isRedisUrl } from "../../src/text/redis-url.js";
import { isRepoName, notARepoName, parseRepoName } from "../../src/text/repo-name.js";

describe("parseRepoName", () => {
  it("splits owner/repo and refuses anything else", () => {
    expect(parseRepoName("octo-org/api.v2")).toEqual({ owner: "octo-org", repo: "api.v2" });
    for (const bad of ["nope", "a/b/c", "/api", "octo-org/", "octo org/api", ""])
      expect(parseRepoName(bad)).toBeUndefined();
    expect(isRepoName("o/r")).toBe(true);
  });

  it("names the bad value and the expected form", () => {
    expect(notARepoName("a/b/c")).toBe(
      '"a/b/c" is not a repository name; expected owner/repo, e.g. octo-org/api',
    );
  });
});

describe("isRedisUrl", () => {
  it("accepts redis:// and rediss:// URLs only", () => {
    expect(isRedisUrl("redis://127.0.0.1:6379")).toBe(true);
    expect(isRedisUrl("rediss://:pw@cache:6380/2")).toBe(true);
    expect(isRedisUrl("http://localhost:6379")).toBe(false);
    expect(isRedisUrl("redis://a b")).toBe(false);
  });
});
