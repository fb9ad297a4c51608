import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendLaneEvent } from "../../src/runner/lane-events.js";
import { saveLane, type LaneRecord } from "../../src/runner/lane-record.js";
import { openStack, watchStackStatus } from "../../src/runner/stack-control.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

describe("stack status, say and down", () => {
  let home: TempDir;
  let name: string;
  let tmux: Tmux;
  let env: NodeJS.ProcessEnv;
  let lane: LaneRecord;

  beforeEach(async () => {
    home = await makeTempDir("lanes-home");
    name = `t${Math.random().toString(36).slice(2, 8)}`;
    env = { LANES_HOME: home.path };
    const paths = stackPaths(env, name);
    tmux = new Tmux(paths.socket);
    await writeStackRecord(paths.record, {
      name,
      repo: home.path,
      repoSlug: "local/demo",
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
    await tmux.newSession({ session: name, window: "supervisor", cwd: home.path, command: ["sleep", "600"] });
    const paneId = await tmux.newWindow({
      session: name,
      window: "developer-12",
      cwd: home.path,
      command: ["cat"],
    });
    lane = {
      id: "job-12",
      role: "developer",
      issue: 12,
      title: "Health endpoint",
      branch: "lanes/developer/12-health-endpoint",
      worktree: home.path,
      window: "developer-12",
      paneId,
      state: "working",
      briefed: true,
      sessionId: "11111111-2222-4333-8444-555555555555",
      sessionUsed: true,
      briefFile: "/stack/agents/j.brief.md",
      settingsFile: "/stack/agents/j.settings.json",
      permissionMode: "dontAsk",
      restarts: 0,
      startedAt: Date.now(),
      lastEvent: "SessionStart",
      lastEventAt: Date.now(),
      commits: 2,
      limitAttempts: 0,
      limitLinesSeen: 0,
      lease: { jobId: "job-12", token: "t", host: "h", agent: "a", leaseUntil: 0 },
    };
    await saveLane(paths.lane(lane.id), lane);
  });
  afterEach(async () => {
    await tmux.killServer();
    await home.remove();
  });

  it("reports lanes with their window, state and commits, as JSON and as a table", async () => {
    const json = await lanes(["stack", "status", "--name", name, "--json"], { env });
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout);
    expect(status).toMatchObject({ name, running: true, supervisor: true });
    expect(status.lanes[0]).toMatchObject({
      role: "developer",
      prp: "#12 Health endpoint",
      state: "working",
      alive: true,
      commits: 2,
      lastEvent: "SessionStart",
    });
    const human = await lanes(["stack", "status", "--name", name], { env });
    expect(human.stdout).toMatch(
      /developer\s+#12 Health endpoint\s+working\s+lanes\/developer\/12-health-endpoint/,
    );
  });

  it("says a message to a lane as pasted, sanitised text", async () => {
    const result = await lanes(["say", "developer-12", "--name", name, "please \x1b[2Jcommit\x03 now"], {
      env,
    });
    expect(result).toMatchObject({ code: 0, stdout: "sent to developer-12\n" });
    const screen = await waitUntil(async () => {
      const text = await tmux.capture(`=${name}:developer-12`);
      return text.includes("please commit now") ? text : undefined;
    }, "the message in the pane");
    expect(screen).not.toContain("\x1b");
  });

  it("fails clearly for an unknown target or stack", async () => {
    const unknown = await lanes(["say", "tester-9", "hi", "--name", name], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no live lane .* matches "tester-9"/);
    await saveLane(stackPaths(env, name).lane("job-13"), {
      ...lane,
      id: "job-13",
      window: "developer-13",
      state: "done",
    });
    const ended = await lanes(["say", "developer-13", "hi", "--name", name], { env });
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/lane developer-13 is done: no agent runs in it/);
    const noStack = await lanes(["stack", "status", "--name", "nope"], { env });
    expect(noStack.code).toBe(1);
    expect(noStack.stderr).toMatch(/no stack named "nope"/);
  });

  it("stops the stack's tmux server", async () => {
    expect((await lanes(["stack", "down", "--name", name], { env })).stdout).toBe(`stack ${name} stopped\n`);
    expect(await tmux.hasSession(name)).toBe(false);
    const status = JSON.parse((await lanes(["stack", "status", "--name", name, "--json"], { env })).stdout);
    expect(status).toMatchObject({ running: false, supervisor: false });
    expect(status.lanes[0].alive).toBe(false);
  });

  it("redraws the status table when an event arrives, with no timer of its own", async () => {
    const stack = await openStack(env, name);
    const frames: string[] = [];
    const stop = new AbortController();
    const watching = watchStackStatus(stack, (text) => frames.push(text), stop.signal);
    await waitUntil(async () => frames.length === 1, "the first frame");
    await appendLaneEvent(stack.paths.events, { lane: "job-12", event: "Notification", at: Date.now() });
    await waitUntil(async () => frames.length >= 2, "a redraw after the event");
    expect(frames[1]).toContain("#12 Health endpoint");
    stop.abort();
    await watching;
  });

  it("watches a fresh stack that has no lanes yet instead of failing (the status window right after stack up)", async () => {
    const stack = await openStack(env, name);
    await rm(stack.paths.lanes, { recursive: true, force: true });
    const frames: string[] = [];
    const stop = new AbortController();
    const watching = watchStackStatus(stack, (text) => frames.push(text), stop.signal);
    await waitUntil(async () => frames.length === 1, "the first frame");
    expect(frames[0]).toContain("(no lanes yet)");
    stop.abort();
    await watching;
  });
});
