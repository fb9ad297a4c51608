// Bad environment settings, met the way a user meets them: the built CLI in its own process, one line on
// stderr naming the variable, the value (unless secret) and what was expected, exit code 2, no stack trace.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const CLI = "dist/src/cli/main.js";

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

function lanesProcess(args: string[], env: Record<string, string>): Promise<Spawned> {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...base, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("environment settings (built CLI)", () => {
  it("is built (npm test runs scripts/bootstrap first)", () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it.each([
    ["LANES_LOG_LEVEL", "loud", ["doctor"], 'LANES_LOG_LEVEL="loud"', "one of fatal, error, warn"],
    ["REDIS_URL", "localhost:6379", ["queue", "stats"], 'REDIS_URL="localhost:6379"', "redis://host:port"],
    ["GITHUB_API_URL", "api.github.com", ["doctor"], 'GITHUB_API_URL="api.github.com"', "http(s) URL"],
    ["GITHUB_REPOSITORY", "just-a-name", ["doctor"], 'GITHUB_REPOSITORY="just-a-name"', "owner/repo"],
    ["LANES_REPO", "a/b/c", ["doctor"], 'LANES_REPO="a/b/c"', "owner/repo"],
    ["LANES_LEASE_MS", "soon", ["doctor"], 'LANES_LEASE_MS="soon"', "whole number of milliseconds"],
    ["LANES_TICK_MS", "-5", ["doctor"], 'LANES_TICK_MS="-5"', "whole number of milliseconds"],
    ["LANES_HOME", "", ["doctor"], 'LANES_HOME=""', "a directory path"],
    ["LANES_PREFIX", "my prefix", ["doctor"], 'LANES_PREFIX="my prefix"', "no spaces"],
  ])("reports %s=%j in one line and exits 2", async (name, value, args, shown, expected) => {
    const result = await lanesProcess(args, { [name]: value });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lanes: /);
    expect(lines[0]).toContain(`${shown} is not valid; expected`);
    expect(lines[0]).toContain(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a bad secret without printing it", async () => {
    const result = await lanesProcess(["doctor"], { GITHUB_TOKEN: "ghp_abc def" });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "lanes: GITHUB_TOKEN (value not shown) is not valid; expected a single token with no spaces or line breaks inside\n",
    );
  });

  it.each(["http://:hunter2@cache:6379", "redis://:hunter2@/"])(
    "masks the password of a bad Redis URL (%s)",
    async (url) => {
      const result = await lanesProcess(["queue", "stats"], { REDIS_URL: url });
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain("hunter2");
      expect(result.stderr).toMatch(
        /^lanes: REDIS_URL=".*\*\*\*.*" is not valid; expected redis:\/\/host:port/,
      );
    },
  );

  it("lists every bad setting in the same line", async () => {
    const result = await lanesProcess(["doctor"], { LANES_LOG_LEVEL: "loud", LANES_TICK_MS: "0" });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      'lanes: LANES_LOG_LEVEL="loud" is not valid; expected one of fatal, error, warn, info, debug, trace, silent; LANES_TICK_MS="0" is not valid; expected a whole number of milliseconds above 0',
    ]);
  });

  it("treats blank values as unset where the CLI does, and runs the command", async () => {
    const result = await lanesProcess(["--version"], {
      LANES_LOG_LEVEL: "info",
      GITHUB_TOKEN: "",
      GITHUB_API_URL: " ",
      GITHUB_REPOSITORY: "",
      LANES_TICK_MS: "",
      REDIS_URL: "rediss://user:pw@redis.example:6380/2",
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
