// `stack status` says why a stack's supervisor is down and who brings it back, in the table and in JSON.
import { appendFile, mkdir } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { logFile } from "../../src/runner/stack-launch.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { renderStackStatus, stackStatus } from "../../src/runner/stack-status.js";
import { lastSupervisorError } from "../../src/runner/supervisor-last-error.js";
import type { PaneInfo } from "../../src/runner/tmux.js";
import { catV } from "../support/cat-v.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const pane = (windowName: string, patch: Partial<PaneInfo> = {}): PaneInfo => ({
  session: "s",
  windowName,
  windowIndex: 0,
  paneId: `%${windowName}`,
  dead: false,
  deadStatus: null,
  pid: 1,
  currentCommand: "node",
  currentPath: "/",
  ...patch,
});

describe("stack status when the supervisor is down", () => {
  it("says the supervisor was killed and that the keeper restarts it (table and JSON)", () => {
    const panes = [pane("status"), pane("supervisor", { dead: true }), pane("keeper")];
    const status = stackStatus("s", [], panes, 0);

    expect(status).toMatchObject({
      supervisor: false,
      supervisorDown: "it was killed (no exit status); the keeper restarts it",
    });
    expect(renderStackStatus(status, 0)).toContain(
      "supervisor down: it was killed (no exit status); the keeper restarts it",
    );
  });

  it("gives the exit status and the error it stopped on, and the command when no keeper runs", () => {
    const panes = [pane("status"), pane("supervisor", { dead: true, deadStatus: 1 })];
    const error = "redis refused \x1b]0;owned\x07the connection\x9b2J";
    const status = stackStatus("s", [], panes, 0, [], { lastError: error });

    expect(status.supervisorDown).toBe(
      "it exited with status 1 after an error: redis refused the connection; no keeper runs to restart it: `lanes stack resume --name s`",
    );
    const text = renderStackStatus(status, 0);
    expect(catV(text)).toBe(text);
  });

  it("names a closed supervisor window and a stack that is not running; says nothing while it runs", () => {
    expect(stackStatus("s", [], [pane("status"), pane("keeper")], 0).supervisorDown).toBe(
      "its window was closed; the keeper restarts it",
    );
    expect(stackStatus("s", [], [], 0).supervisorDown).toBe("the stack is not running");
    const up = stackStatus("s", [], [pane("status"), pane("supervisor")], 0);
    expect(up.supervisorDown).toBeNull();
    expect(renderStackStatus(up, 0)).toContain("supervisor up");
  });
});

describe("lastSupervisorError", () => {
  let home: TempDir;
  let paths: StackPaths;
  beforeEach(async () => {
    home = await makeTempDir("lanes-down");
    paths = stackPaths({ LANES_HOME: home.path }, "s");
    await mkdir(paths.dir, { recursive: true });
  });
  afterEach(() => home.remove());

  const log = (entry: Record<string, unknown>) =>
    appendFile(logFile(paths), `${JSON.stringify({ level: 30, time: 0, ...entry })}\n`);

  it("reads the error the last supervisor stopped on, and none once a later one started", async () => {
    expect(await lastSupervisorError(paths)).toBeUndefined();
    await log({ msg: "supervisor running" });
    await log({ level: 60, msg: "supervisor stopped on an error", err: "Redis is unreachable" });
    await appendFile(logFile(paths), "not json\n");
    expect(await lastSupervisorError(paths)).toBe("Redis is unreachable");

    await log({ msg: "supervisor running" });
    expect(await lastSupervisorError(paths)).toBeUndefined();
  });
});
