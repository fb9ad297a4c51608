import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSupervisor } from "../../src/runner/run-supervisor.js";
import { logFile } from "../../src/runner/stack-launch.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

describe("runSupervisor that cannot start", () => {
  let home: TempDir;
  beforeEach(async () => {
    home = await makeTempDir("lanes-fatal");
  });
  afterEach(async () => {
    await home.remove();
  });

  it("says why in one line of its log, which the logs window shows, instead of a silent dead pane", async () => {
    const env = { LANES_HOME: home.path, LANES_LOG_LEVEL: "info" };
    const paths = stackPaths(env, "fatal");
    await writeStackRecord(paths.record, {
      name: "fatal",
      repo: home.path,
      repoSlug: "local/fatal",
      base: "main",
      worktreeRoot: home.path,
      roles: ["developer"],
      agents: 1,
      agent: "script",
      redisUrl: "redis://127.0.0.1:1",
      prefix: "p:",
      hostName: "h",
      createdAt: 0,
    });
    await expect(runSupervisor(env, "fatal", new AbortController().signal)).rejects.toThrow(/Redis/);
    const lines = (await readFile(logFile(paths), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      msg: "supervisor stopped on an error",
      err: expect.stringContaining("redis://127.0.0.1:1"),
    });
  });
});
