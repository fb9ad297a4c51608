// The installation token cache honours each token's expires_at: a token is handed out until shortly before
// it expires (five minutes, or a fifth of its life when it is short-lived), then dropped so a new one is minted.
import { describe, expect, it } from "vitest";
import { expiringTokenCache } from "../../src/github/installation-token-cache.js";
import { withTokenAuth } from "../../src/git/token-auth.js";

const entry = (created: number, expires: number) =>
  ["ghs_a", new Date(created).toISOString(), new Date(expires).toISOString(), "all", "issues!"].join("|");

describe("expiringTokenCache", () => {
  it("keeps an hour-long token until five minutes before it expires", () => {
    let now = 0;
    const cache = expiringTokenCache(() => now);
    cache.set("1", entry(0, 3_600_000));
    now = 3_600_000 - 5 * 60_000 - 1;
    expect(cache.get("1")).toContain("ghs_a");
    now += 2;
    expect(cache.get("1")).toBeUndefined();
    expect(cache.get("1")).toBeUndefined();
  });

  it("refreshes a 10 s token in its last 2 s", () => {
    let now = 0;
    const cache = expiringTokenCache(() => now);
    cache.set("1", entry(0, 10_000));
    now = 7_999;
    expect(cache.get("1")).toBeDefined();
    now = 8_001;
    expect(cache.get("1")).toBeUndefined();
  });
});

describe("withTokenAuth", () => {
  it("gives an https remote the token as a Basic header for that URL only, clearing inherited headers first", () => {
    const env = withTokenAuth({ PATH: "/bin" }, "https://github.com/acme/shop.git", "ghs_x");
    const basic = Buffer.from("x-access-token:ghs_x").toString("base64");
    expect(env).toEqual({
      PATH: "/bin",
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_0: "http.https://github.com/acme/shop.git.extraheader",
      GIT_CONFIG_VALUE_0: "",
      GIT_CONFIG_KEY_1: "http.https://github.com/acme/shop.git.extraheader",
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`,
    });
    expect(withTokenAuth({ GIT_CONFIG_COUNT: "1" }, "http://h/r.git", "t").GIT_CONFIG_KEY_1).toBe(
      "http.http://h/r.git.extraheader",
    );
  });

  it("leaves ssh and path remotes alone", () => {
    const env = { PATH: "/bin" };
    expect(withTokenAuth(env, "git@github.com:acme/shop.git", "t")).toBe(env);
    expect(withTokenAuth(env, "/srv/git/shop.git", "t")).toBe(env);
  });
});
