// The supervisor's feed for the dashboard: lane snapshots published on change, and pane lines captured on
// agent events (sanitised, only what is new, throttled), into the lane board in a real Redis and tmux.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import type { AgentAdapter } from "../../src/runner/agents/agent-adapter.js";
import { appendLaneEvent } from "../../src/runner/lane-events.js";
import { createLaneWatch, newLines, paneLines, type LaneBoardPort } from "../../src/runner/lane-watch.js";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type LaneSnapshot, type OpenedStateStore } from "../../src/state/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

describe("pane lines", () => {
  it("keeps only the lines that scrolled in or were added since the last capture", () => {
    expect(newLines(["a", "b", "c"], ["b", "c", "d", "e"])).toEqual(["d", "e"]);
    expect(newLines(["a", "b"], ["a", "b", "c"])).toEqual(["c"]);
    expect(newLines(["a", "b"], ["a", "b"])).toEqual([]);
    expect(newLines([], ["x"])).toEqual(["x"]);
    expect(newLines(["a", "b"], ["x", "y"])).toEqual(["x", "y"]);
  });

  it("strips escape sequences and control characters and trailing blank lines", () => {
    expect(paneLines("\x1b[31mred\x1b[0m  \n\x1b]0;title\x07ok\tgo\n\n\n")).toEqual(["red", "ok go"]);
  });
});

function record(patch: Partial<LaneRecord> = {}): LaneRecord {
  return {
    id: "lane-1",
    role: "developer",
    issue: 3,
    title: "Add a thing",
    branch: "lanes/developer/3-add-a-thing",
    worktree: "/home/runner/private/wt/lane-1",
    window: "developer-3",
    paneId: "%1",
    state: "working",
    sessionId: "s",
    sessionUsed: true,
    transcriptPath: "/home/runner/.claude/projects/x.jsonl",
    briefFile: "/home/runner/brief.md",
    settingsFile: "/home/runner/settings.json",
    permissionMode: "dontAsk",
    briefed: true,
    restarts: 0,
    startedAt: 1,
    commits: 0,
    limitAttempts: 0,
    limitLinesSeen: 0,
    lease: { jobId: "lane-1", token: "secret-lease-token", host: "h", agent: "h/s", leaseUntil: 9 },
    ...patch,
  };
}

describe("lane watch", () => {
  it("publishes a snapshot only when the lane changed, with no paths or lease token", async () => {
    const published: LaneSnapshot[] = [];
    const board: LaneBoardPort = {
      publishLane: async (s) => void published.push(s),
      appendLaneLog: async () => undefined,
    };
    const watch = createLaneWatch({
      board,
      capture: async () => "",
      log: silentLogger(),
      stack: "s",
      host: "h",
    });
    await watch.seen(record());
    await watch.seen(record());
    await watch.seen(record({ state: "idle" }));
    expect(published.map((s) => s.state)).toEqual(["working", "idle"]);
    const text = JSON.stringify(published);
    for (const secret of ["/home/runner", "secret-lease-token", "x.jsonl"])
      expect(text).not.toContain(secret);
  });

  it("captures at most once per gap, and captures the last event of a burst afterwards", async () => {
    const logged: string[][] = [];
    let screen = ["one"];
    let captures = 0;
    const board: LaneBoardPort = {
      publishLane: async () => undefined,
      appendLaneLog: async (_id, lines) => void logged.push([...lines]),
    };
    const watch = createLaneWatch({
      board,
      capture: async () => {
        captures += 1;
        return screen.join("\n");
      },
      log: silentLogger(),
      stack: "s",
      host: "h",
      minGapMs: 200,
    });
    await watch.event(record());
    screen = ["one", "two"];
    await watch.event(record());
    screen = ["one", "two", "three"];
    await watch.event(record());
    expect(captures).toBe(1);
    await waitUntil(async () => captures === 2, "the trailing capture", 5_000);
    await waitUntil(async () => logged.length === 2, "the trailing lines", 5_000);
    expect(logged).toEqual([["one"], ["two", "three"]]);
    watch.stop();
  });
});

describe("lane watch without hook events", () => {
  it("captures a working lane on a tick every 30 s, and never a lane that is not working", async () => {
    let clock = 1_000_000;
    let screen = ["$ npm run build"];
    const captured: string[] = [];
    const logged: string[][] = [];
    const watch = createLaneWatch({
      board: {
        publishLane: async () => undefined,
        appendLaneLog: async (_id, lines) => void logged.push([...lines]),
      },
      capture: async (pane) => {
        captured.push(pane);
        return screen.join("\n");
      },
      log: silentLogger(),
      stack: "s",
      host: "h",
      now: () => clock,
    });
    const idle = record({ id: "lane-2", paneId: "%2", state: "idle" });
    for (let second = 0; second <= 65; second += 5) {
      if (second === 40) screen = ["$ npm run build", "built in 38 s"];
      await watch.seen(record());
      await watch.seen(idle);
      clock += 5_000;
    }
    // seen at 0 s (the clock starts), captured at 30 s and 60 s; the idle lane never
    expect(captured).toEqual(["%1", "%1"]);
    expect(logged).toEqual([["$ npm run build"], ["built in 38 s"]]);
    watch.stop();
  });
});

/** An agent that only echoes what is pasted: the lane's pane shows its brief. */
const catAgent: AgentAdapter = {
  kind: "script",
  check: async () => undefined,
  writeSettings: async () => undefined,
  command: () => ["cat"],
};

describe("supervisor with the lane watch (real redis, tmux, git)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-watch");
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  }, 60_000);
  afterEach(async () => {
    await supervisor?.stop();
    await store.quit();
    await tmux?.killServer();
    await repo.remove();
    await home.remove();
  }, 60_000);

  it("publishes the lane to the board and, on an agent event, the pane's lines to its log stream", async () => {
    const name = `w${Math.random().toString(36).slice(2, 8)}`;
    const paths = stackPaths({ LANES_HOME: home.path }, name);
    tmux = new Tmux(paths.socket);
    await tmux.newSession({ session: name, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    supervisor = new Supervisor({
      name,
      hostName: "host-a",
      roles: ["developer"],
      agents: 1,
      leaseMs: 600_000,
      claimWaitMs: 500,
      store,
      log: silentLogger(),
      maxRestarts: 0,
      briefFallbackMs: 0,
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "wt"),
        session: name,
        tmux,
        paths,
        agent: catAgent,
        roleBrief: () => "You are the developer.",
      },
      finish: { repo: repo.dir, base: "main" },
      watch: createLaneWatch({
        board: store,
        capture: (pane) => tmux.capture(pane),
        log: silentLogger(),
        stack: name,
        host: "host-a",
        minGapMs: 0,
      }),
    });
    await supervisor.start();
    await store.enqueue({
      id: "job-5",
      repo: "local/demo",
      issue: 5,
      role: "developer",
      title: "Add search",
    });
    const lane = await waitUntil(async () => supervisor?.lanes()[0], "the lane to open", 30_000);
    const starting = await waitUntil(async () => (await store.listLaneSnapshots())[0], "the lane snapshot");
    expect(starting).toMatchObject({ id: lane.id, issue: 5, role: "developer", host: "host-a", stack: name });
    // the tick pastes the brief (fallback 0 ms): the cat agent shows it, and the lane is now working
    await supervisor.tick();
    await waitUntil(
      async () => (await tmux.capture(lane.paneId)).includes("Add search"),
      "the brief in the pane",
    );
    await waitUntil(
      async () => (await store.listLaneSnapshots())[0]?.state === "working",
      "the working state on the board",
    );
    await appendLaneEvent(paths.events, { lane: lane.id, event: "PostToolUse", at: Date.now() });
    const lines = await waitUntil(async () => {
      const log = await store.readLaneLog(lane.id);
      return log.some((l) => l.text.includes("Add search")) ? log : undefined;
    }, "the pane lines in the lane's log stream");
    expect(lines.every((l) => !l.text.includes("\u001b"))).toBe(true);
    const audit = await store.readAudit();
    expect(audit.filter((e) => e.type === "lane" && e.job === lane.id).map((e) => e.data)).toContain(
      "working",
    );
  }, 120_000);
});
