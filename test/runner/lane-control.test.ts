// The lane control channel end to end on one host: commands published to Redis (as `/lanes` commands do)
// reach the lane's pane through the supervisor — an answer to a waiting agent, pause and resume, a check-in
// at its time on a fake clock, and commands sent before the lane existed. Real Redis, tmux, git, script agents.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import type { ScriptStep } from "../../src/runner/agents/script-steps.js";
import { listLanes, type LaneRecord } from "../../src/runner/lane-record.js";
import type { LaneReport } from "../../src/runner/lane-reporter.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type ControlMessage, type OpenedStateStore } from "../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Test",
  GIT_AUTHOR_EMAIL: "test@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Test",
  GIT_COMMITTER_EMAIL: "test@lanes.invalid",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
const LANE_WAIT_MS = 150_000;
const TEST_MS = 300_000;
const LEASE_MS = 2 * TEST_MS;

describe("lane control channel (real redis, tmux, git; script agents)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let paths: StackPaths;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let clock: number;
  let reports: LaneReport[];
  let sent = 0;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-ctl");
    const name = `c${Math.random().toString(36).slice(2, 8)}`;
    paths = stackPaths({ LANES_HOME: home.path }, name);
    tmux = new Tmux(paths.socket);
    await tmux.newSession({ session: name, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    store = await openStateStore({
      url: redis.url,
      prefix: redis.prefix,
      log: silentLogger(),
      leaseMs: LEASE_MS,
    });
    clock = Date.now();
    reports = [];
  }, 120_000);
  afterEach(async () => {
    if (ticker) clearInterval(ticker);
    await supervisor?.stop();
    supervisor = undefined;
    await store.quit();
    await tmux.killServer();
    await repo.remove();
    await home.remove();
  }, 120_000);

  async function start(): Promise<Supervisor> {
    const session = paths.socket.replace(/^lanes-/, "");
    supervisor = new Supervisor({
      name: session,
      hostName: "host-a",
      roles: ["developer"],
      agents: 2,
      leaseMs: LEASE_MS,
      claimWaitMs: 500,
      controlWaitMs: 300,
      store,
      log: silentLogger(),
      maxRestarts: 1,
      briefFallbackMs: 60_000,
      hostTimeZone: "UTC",
      now: () => clock,
      reporter: { report: async (_job, report) => void reports.push(report) },
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "worktrees"),
        session,
        tmux,
        paths,
        agent: scriptAgent(),
        roleBrief: (role) => `You are the ${role}.`,
        paneEnv: IDENTITY,
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
    });
    await supervisor.start();
    const sup = supervisor;
    ticker = setInterval(() => void sup.tick(), 300);
    return supervisor;
  }

  async function enqueue(issue: number, script: ScriptStep[]): Promise<void> {
    await store.enqueue({
      id: `job-${issue}`,
      repo: "local/demo",
      issue,
      role: "developer",
      title: `Feature ${issue}`,
      payload: { prp: { body: "Build it.", criteria: ["it works"], script } },
    });
  }

  const send = (issue: number, message: ControlMessage) =>
    store.publishControl(String(issue), {
      id: `cmd-${(sent += 1)}`,
      actor: "maintainer",
      at: clock,
      message,
    });
  const lane = async (states: LaneRecord["state"][]) =>
    (await listLanes(paths.lanes)).find((l) => states.includes(l.state));
  const paneShows = async (l: LaneRecord, text: string) => (await tmux.capture(l.paneId, 200)).includes(text);

  it(
    "keeps a lane whose agent asks waiting with its question, and `say` answers it: the lane goes on and finishes",
    async () => {
      await enqueue(1, [
        { ask: "Postgres or SQLite?" },
        { write: "db.txt", content: "x\n" },
        { commit: "Pick db" },
      ]);
      await start();
      const waiting = await waitUntil(() => lane(["waiting"]), "a waiting lane", LANE_WAIT_MS);
      expect(waiting.waitingFor).toBe("Postgres or SQLite?");
      expect(reports).toContainEqual({ kind: "asked", question: "Postgres or SQLite?" });
      expect(await send(1, { op: "say", text: "yes, Postgres" })).toBe(true);
      await waitUntil(
        async () => paneShows(waiting, "heard: yes, Postgres"),
        "the answer in the pane",
        LANE_WAIT_MS,
      );
      const done = await waitUntil(() => lane(["done"]), "the lane done", LANE_WAIT_MS);
      expect(done.commits).toBeGreaterThan(0);
      expect(reports.map((r) => r.kind)).toEqual(expect.arrayContaining(["asked", "answered", "finished"]));
      // applied once: the cursor moved past it, and publishing the same id again adds nothing
      expect(
        await store.publishControl("1", { id: "cmd-1", actor: "x", at: 0, message: { op: "rebrief" } }),
      ).toBe(false);
      expect(await store.controlCursor("1")).not.toBe("0-0");
    },
    TEST_MS,
  );

  it(
    "pauses and resumes a lane, and pastes a scheduled check-in when the (fake) clock reaches it",
    async () => {
      // the resume's "continue" message is one input and the check-in another; the last wait keeps the
      // lane open (a script that runs out finishes its lane and its pane goes)
      const wait = { wait_input: true } as const;
      await enqueue(2, [{ write: "a.txt", content: "a\n" }, { commit: "Start" }, wait, wait, wait]);
      await start();
      const idle = await waitUntil(() => lane(["idle"]), "an idle lane", LANE_WAIT_MS);
      await send(2, { op: "pause" });
      await waitUntil(() => lane(["paused"]), "a paused lane", LANE_WAIT_MS);
      expect(reports).toContainEqual({ kind: "paused", by: "maintainer" });
      await send(2, { op: "resume" });
      await waitUntil(() => lane(["working", "idle"]), "the lane working again", LANE_WAIT_MS);
      expect(reports).toContainEqual({ kind: "resumed", by: "maintainer" });
      // (the pause's Escape reaches the script's stdin ahead of it, so match past the first letter)
      await waitUntil(
        async () => paneShows(idle, "a maintainer resumed this lane. Continue"),
        "the agent told to continue",
        LANE_WAIT_MS,
      );

      // due in 10 minutes, inside the 30-minute commit rule: a jump past that would also paste the rule's
      // nudge, and with it the script would run out of waits, finish, and close the pane being read
      await send(2, { op: "schedule", dueAt: clock + 10 * 60_000, note: "how are the tests?" });
      await waitUntil(async () => (await store.listCheckIns("2")).length === 1, "the check-in kept in Redis");
      await supervisor?.tick();
      expect(await paneShows(idle, "how are the tests?")).toBe(false);
      clock += 11 * 60_000;
      await waitUntil(
        async () => paneShows(idle, "heard: Lanes check-in: how are the tests?"),
        "the check-in pasted",
        LANE_WAIT_MS,
      );
      await waitUntil(async () => (await store.listCheckIns("2")).length === 0, "the check-in removed");
    },
    TEST_MS,
  );

  it(
    "applies commands sent before the lane started once it is picked up",
    async () => {
      await enqueue(3, [{ wait_input: true }, { write: "b.txt", content: "b\n" }, { commit: "B" }]);
      await send(3, { op: "say", text: "sent while queued" });
      await start();
      // the script's only input is the message: the lane finishes only because it was applied
      await waitUntil(() => lane(["done"]), "the lane done", LANE_WAIT_MS);
      expect(await store.controlCursor("3")).not.toBe("0-0");
    },
    TEST_MS,
  );
});
