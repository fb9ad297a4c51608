import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { useRedis } from "../support/redis.js";

describe("lanes standup", () => {
  const redis = useRedis();
  const run = (...args: string[]) =>
    lanes([...args, "--redis", redis.url, "--prefix", redis.prefix, "--repo", "octo/app"]);

  it("prints the digest, next up by priority, as text and as JSON", async () => {
    await run(
      "queue",
      "add",
      "--role",
      "developer",
      "--title",
      "Load test",
      "--issue",
      "8",
      "--priority",
      "low",
    );
    await run(
      "queue",
      "add",
      "--role",
      "developer",
      "--title",
      "Orders API",
      "--issue",
      "7",
      "--priority",
      "critical",
    );
    const json = JSON.parse((await run("standup", "--since", "24h", "--json")).stdout) as {
      nextUp: { issue: number; title: string }[];
      done: unknown[];
    };
    expect(json.nextUp.map((i) => i.title)).toEqual(["Orders API", "Load test"]);
    expect(json.done).toEqual([]);
    const text = (await run("standup")).stdout;
    expect(text).toMatch(/\*\*Next up\*\*\n\n- #7 Orders API \(developer, critical\)\n- #8 Load test/);
  });

  it("rejects a --since it cannot read", async () => {
    const result = await run("standup", "--since", "lately");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a time");
  });
});
