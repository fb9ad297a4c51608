// `lanes dashboard` refuses, with exit 2 and one line, to listen beyond loopback without a token.
import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { freshPrefix, redisUrl } from "../support/redis.js";

describe("lanes dashboard", () => {
  it("refuses to listen beyond loopback without LANES_DASHBOARD_TOKEN, naming it", async () => {
    const result = await lanes(
      ["dashboard", "--host", "0.0.0.0", "--port", "0", "--redis", redisUrl(), "--prefix", freshPrefix()],
      { env: { LANES_DASHBOARD_TOKEN: "" } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("LANES_DASHBOARD_TOKEN");
  });

  it("refuses a token too short to guess-proof, without printing it", async () => {
    const result = await lanes(["dashboard", "--redis", redisUrl()], {
      env: { LANES_DASHBOARD_TOKEN: "short" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("LANES_DASHBOARD_TOKEN (value not shown)");
    expect(result.stderr).not.toContain('short"');
  });
});
