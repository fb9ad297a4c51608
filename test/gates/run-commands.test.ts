import { afterEach, describe, expect, it } from "vitest";
import { runCommand, runCommands } from "../../src/gates/run-commands.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

describe("runCommand", () => {
  let dir: TempDir | undefined;
  afterEach(async () => dir?.remove());

  it("runs a trusted command through sh in the given directory, with stdout and stderr together", async () => {
    dir = await makeTempDir();
    const result = await runCommand("pwd; echo oops >&2; exit 3", { cwd: dir.path, timeoutMs: 10_000 });
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false });
    expect(result.output).toContain(dir.path);
    expect(result.output).toContain("oops");
  });

  it("never hands the runner's secrets to a validation command", async () => {
    dir = await makeTempDir();
    const env = {
      ...process.env,
      GITHUB_TOKEN: "ghs_secret",
      ANTHROPIC_API_KEY: "sk-secret",
      WEBHOOK_SECRET: "w",
      REDIS_URL: "redis://:hunter2@db:6379",
      LANES_VISIBLE: "yes",
    };
    const result = await runCommand("env", { cwd: dir.path, timeoutMs: 10_000, env });
    expect(result.output).toContain("LANES_VISIBLE=yes");
    expect(result.output).not.toMatch(/ghs_secret|sk-secret|WEBHOOK_SECRET|hunter2/);
  });

  it("kills a command and its children once it runs past the timeout", async () => {
    dir = await makeTempDir();
    const result = await runCommand("sleep 30 & sleep 30; echo never", { cwd: dir.path, timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).not.toContain("never");
  });

  it("reports a directory it cannot start in as a failed run, not a thrown error", async () => {
    dir = await makeTempDir();
    const result = await runCommand("true", { cwd: `${dir.path}/missing`, timeoutMs: 10_000 });
    expect(result.exitCode).toBeNull();
    expect(result.output).toMatch(/ENOENT/);
  });

  it("runs every command even after one fails", async () => {
    dir = await makeTempDir();
    const results = await runCommands(["exit 1", "echo second"], { cwd: dir.path, timeoutMs: 10_000 });
    expect(results.map((r) => [r.exitCode, r.output.trim()])).toEqual([
      [1, ""],
      [0, "second"],
    ]);
  });
});
