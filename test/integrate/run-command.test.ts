import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "../../src/integrate/run-command.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

describe("runCommand", () => {
  let dir: TempDir | undefined;
  afterEach(async () => dir?.remove());

  it("runs a configured command in the given directory and keeps the tail of its output", async () => {
    dir = await makeTempDir();
    const result = await runCommand("pwd; echo oops >&2; exit 3", { cwd: dir.path, timeoutMs: 10_000, tailChars: 100 });
    expect(result).toMatchObject({ ok: false, exitCode: 3, timedOut: false });
    expect(result.outputTail).toContain(dir.path);
    expect(result.outputTail).toContain("oops");
  });

  it("keeps only the last characters of long output", async () => {
    dir = await makeTempDir();
    const result = await runCommand("seq 1 5000", { cwd: dir.path, timeoutMs: 10_000, tailChars: 20 });
    expect(result.ok).toBe(true);
    expect(result.outputTail.length).toBeLessThanOrEqual(20);
    expect(result.outputTail.trim().endsWith("5000")).toBe(true);
  });

  it("kills a command (and its children) that runs past the timeout and reports it failed", async () => {
    dir = await makeTempDir();
    const result = await runCommand("sleep 30 & sleep 30; echo never", { cwd: dir.path, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, timedOut: true });
    expect(result.outputTail).toMatch(/timed out after 200 ms/);
    expect(result.outputTail).not.toContain("never");
  });
});
