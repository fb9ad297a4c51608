import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import type { ScriptStep } from "../../src/runner/agents/script-steps.js";
import { readLaneEvents } from "../../src/runner/lane-events.js";
import { listLanes, type LaneRecord } from "../../src/runner/lane-record.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor, type SupervisorOptions } from "../../src/runner/supervisor.js";
import type { AgentAdapter } from "../../src/runner/agents/agent-adapter.js";
import type { JobPort, LaneLease } from "../../src/runner/job-port.js";
import { claudeAgent } from "../../src/runner/agents/claude-agent.js";
import { agentProblemReporter } from "../../src/runner/run-supervisor.js";
import { createGitHubPort } from "../../src/github/index.js";
import nock from "nock";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
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

// Generous deadlines (waits, never timing assertions): each lane starts node processes for its agent and
// its hooks, and on a loaded 2-core machine a lane that takes seconds alone takes over a minute.
const LANE_WAIT_MS = 150_000;
const TEST_MS = 300_000;
// Most tests tick by hand, and only ticks heartbeat: a lease shorter than a slow test let the lane be
// lost before the step under test (a lane reaching idle after 30 s was "lost", never restarted).
// No test here is about lease expiry (supervisor-failover.test.ts is).
const LEASE_MS = 2 * TEST_MS;

describe("supervisor (real redis, tmux, git; script agents)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let paths: StackPaths;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;
  let clock: number | undefined;
  let ticker: NodeJS.Timeout | undefined;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\nA demo project.\n" });
    home = await makeTempDir("lanes-sup");
    const name = `s${Math.random().toString(36).slice(2, 8)}`;
    paths = stackPaths({ LANES_HOME: home.path }, name);
    tmux = new Tmux(paths.socket);
    await tmux.newSession({ session: name, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    store = await openStateStore({
      url: redis.url,
      prefix: redis.prefix,
      log: silentLogger(),
      leaseMs: LEASE_MS,
    });
    clock = undefined;
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

  function start(
    options: {
      agents?: number;
      fakeClock?: boolean;
      agent?: AgentAdapter;
      extra?: Partial<SupervisorOptions>;
    } = {},
  ): Supervisor {
    supervisor = new Supervisor({
      name: paths.socket.replace(/^lanes-/, ""),
      hostName: "host-a",
      roles: ["developer", "tester"],
      agents: options.agents ?? 3,
      leaseMs: LEASE_MS,
      claimWaitMs: 500,
      store,
      log: silentLogger(),
      maxRestarts: 2,
      briefFallbackMs: 60_000,
      hostTimeZone: "UTC",
      ...(options.fakeClock ? { now: () => clock ?? Date.now() } : {}),
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "worktrees"),
        session: paths.socket.replace(/^lanes-/, ""),
        tmux,
        paths,
        agent: options.agent ?? scriptAgent(),
        roleBrief: (role) => `You are the ${role}.`,
        paneEnv: IDENTITY,
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
      ...options.extra,
    });
    return supervisor;
  }

  async function enqueue(
    issue: number,
    role: "developer" | "tester",
    title: string,
    script?: ScriptStep[],
  ): Promise<string> {
    const { id } = await store.enqueue({
      id: `job-${issue}`,
      repo: "local/demo",
      issue,
      role,
      title,
      payload: {
        prp: { body: `Build ${title}.`, criteria: [`${title} works`], ...(script ? { script } : {}) },
      },
    });
    return id;
  }

  const lanes = () => listLanes(paths.lanes);
  const laneIn = async (id: string, states: LaneRecord["state"][]) =>
    (await lanes()).find((l) => l.id === id && states.includes(l.state));

  it(
    "works three PRPs at once in three worktrees and branches, then pushes nothing and says so",
    async () => {
      const hold: ScriptStep[] = [
        { write: "work.txt", content: "started\n" },
        { commit: "Start" },
        { wait_input: true },
      ];
      for (const [n, role] of [
        [1, "developer"],
        [2, "developer"],
        [3, "tester"],
      ] as const)
        await enqueue(n, role, `Feature ${n}`, hold);
      const sup = start();
      await sup.start();
      ticker = setInterval(() => void sup.tick(), 300);
      // all three agents are waiting for input at the same time: three lanes really run concurrently
      const idle = await waitUntil(
        async () => {
          const all = await lanes();
          return all.filter((l) => l.state === "idle").length === 3 ? all : undefined;
        },
        "three idle lanes",
        LANE_WAIT_MS,
      );
      expect(new Set(idle.map((l) => l.worktree)).size).toBe(3);
      expect(idle.map((l) => l.branch).sort()).toEqual([
        "lanes/developer/1-feature-1",
        "lanes/developer/2-feature-2",
        "lanes/tester/3-feature-3",
      ]);
      const windows = (await tmux.listPanes()).filter((p) => !p.dead).map((p) => p.windowName);
      expect(windows).toEqual(expect.arrayContaining(["developer-1", "developer-2", "tester-3"]));

      for (const lane of idle) await sup.driver(lane.id)?.say("go on");
      const done = await waitUntil(
        async () => {
          const all = await lanes();
          return all.every((l) => l.state === "done") ? all : undefined;
        },
        "three lanes done",
        LANE_WAIT_MS,
      );
      for (const lane of done) {
        expect(existsSync(lane.worktree)).toBe(false);
        expect(lane.note).toContain("PR step skipped");
        expect(await repo.git("log", "--format=%s", "-1", lane.branch)).toBe("Start");
      }
      expect((await store.getJob("job-1")).state).toBe("done");
    },
    TEST_MS,
  );

  it(
    "never runs more lanes than its agents, even with a claim loop per role",
    async () => {
      const hold: ScriptStep[] = [
        { write: "work.txt", content: "started\n" },
        { commit: "Start" },
        { wait_input: true },
      ];
      await enqueue(11, "developer", "First", hold);
      await enqueue(12, "tester", "Second", hold);
      // Claims under way plus jobs held, measured at every claim, ack and fail over the whole run:
      // a second role loop claiming while the one agent is busy shows here whenever it happens.
      let holding = 0;
      let peak = 0;
      const held = (delta: number) => {
        holding += delta;
        peak = Math.max(peak, holding);
      };
      const counted: JobPort = Object.assign(Object.create(store) as JobPort, {
        claim: async (request: Parameters<JobPort["claim"]>[0]) => {
          held(1);
          const claim = await store.claim(request);
          if (!claim) held(-1);
          return claim;
        },
        ack: async (lease: LaneLease) => {
          const acked = await store.ack(lease);
          held(-1);
          return acked;
        },
        fail: async (lease: LaneLease, reason: string, options?: { final?: boolean }) => {
          const outcome = await store.fail(lease, reason, options);
          held(-1);
          return outcome;
        },
      });
      const sup = start({ agents: 1, extra: { store: counted } });
      await sup.start();
      ticker = setInterval(() => void sup.tick(), 300);
      const first = await waitUntil(
        async () => (await lanes()).find((l) => l.state === "idle"),
        "one idle lane",
        LANE_WAIT_MS,
      );
      expect(await lanes()).toHaveLength(1);
      await sup.driver(first.id)?.say("go on");
      const both = await waitUntil(
        async () => {
          const all = await lanes();
          return all.length === 2 && all.some((l) => l.id !== first.id && l.state === "idle")
            ? all
            : undefined;
        },
        "the second lane once the first finished",
        LANE_WAIT_MS,
      );
      expect(both.find((l) => l.id === first.id)?.state).toBe("done");
      expect(peak).toBe(1);
    },
    TEST_MS,
  );

  it(
    "restarts a killed agent pane with its context and session, and the lane still finishes",
    async () => {
      const steps: ScriptStep[] = [
        { write: "a.txt", content: "a\n" },
        { commit: "First step" },
        { wait_input: true },
        { write: "b.txt", content: "b\n" },
        { commit: "Second step" },
      ];
      await enqueue(4, "developer", "Crashy", steps);
      const sup = start();
      await sup.start();
      const idle = await waitUntil(
        () => laneIn("job-4", ["idle"]),
        "the lane to wait for input",
        LANE_WAIT_MS,
      );
      const pane = (await tmux.listPanes()).find((p) => p.paneId === idle.paneId);
      process.kill(pane?.pid as number, "SIGKILL");
      await waitUntil(
        async () => (await tmux.listPanes()).find((p) => p.paneId === idle.paneId && p.dead),
        "the pane to die",
      );
      // ticks go on as the timer would run them: the restart happens on a tick, and a slow restart must not
      // depend on the one tick that found the pane dead having seen everything
      ticker = setInterval(() => void sup.tick(), 300);
      const restarted = await waitUntil(
        () =>
          laneIn("job-4", ["working", "idle"]).then((l) =>
            l && l.restarts === 1 && l.briefed ? l : undefined,
          ),
        "restart and rebrief",
        LANE_WAIT_MS,
      );
      expect(restarted.sessionId).toBe(idle.sessionId);
      const { events } = await readLaneEvents(paths.events, 0);
      expect(
        events.some(
          (e) => e.event === "SessionStart" && e.source === "resume" && e.sessionId === idle.sessionId,
        ),
      ).toBe(true);
      await sup.driver("job-4")?.say("continue");
      const done = await waitUntil(() => laneIn("job-4", ["done"]), "the lane to finish", LANE_WAIT_MS);
      expect(await repo.git("log", "--format=%s", "-2", done.branch)).toBe("Second step\nFirst step");
    },
    TEST_MS,
  );

  it(
    "pauses on a usage-limit message and resumes two minutes after the reset, on a fake clock",
    async () => {
      clock = Date.parse("2026-07-01T10:00:00Z");
      const steps: ScriptStep[] = [
        { print: "5-hour limit reached ∙ resets 9pm" },
        { wait_input: true },
        { write: "c.txt", content: "c\n" },
        { commit: "After the limit" },
      ];
      await enqueue(5, "developer", "Limited", steps);
      const sup = start({ fakeClock: true });
      await sup.start();
      const paused = await waitUntil(() => laneIn("job-5", ["paused"]), "the lane to pause", LANE_WAIT_MS);
      expect(new Date(paused.pausedUntil as number).toISOString()).toBe("2026-07-01T21:02:00.000Z");
      clock = Date.parse("2026-07-01T21:01:59Z");
      await sup.tick();
      expect((await laneIn("job-5", ["paused"]))?.state).toBe("paused");
      clock = Date.parse("2026-07-01T21:02:00Z");
      await sup.tick();
      const done = await waitUntil(
        () => laneIn("job-5", ["done"]),
        "the lane to resume and finish",
        LANE_WAIT_MS,
      );
      expect(await repo.git("log", "--format=%s", "-1", done.branch)).toBe("After the limit");
    },
    TEST_MS,
  );

  it(
    "gives the job to a human, with the reason, when the finished lane cannot be pushed (never re-running the agent)",
    async () => {
      await repo.git("remote", "add", "origin", join(home.path, "no-such-remote.git"));
      await enqueue(6, "developer", "Unpushable");
      const sup = start({ extra: { finishRetry: { attempts: 1, backoffMs: 10 } } });
      await sup.start();
      const failed = await waitUntil(() => laneIn("job-6", ["failed"]), "the lane to fail", LANE_WAIT_MS);
      expect(failed.note).toMatch(
        /finishing the lane failed: git push .* failed .*\(1 tries; the work is committed on .*\(needs-human\)/s,
      );
      const job = await store.getJob("job-6");
      expect(job.state).toBe("needs-human");
      expect(job.lastError).toMatch(/no-such-remote/);
      expect(await repo.git("log", "--format=%s", "-1", failed.branch)).toBe(
        "Meet criterion 1 of #6: Unpushable works",
      );
    },
    TEST_MS,
  );

  it(
    "nudges an agent that has not committed for 30 minutes, then makes a WIP commit itself (fake clock)",
    async () => {
      clock = Date.now();
      // the agent hears the nudge as input: a second wait keeps it in the lane for the WIP commit, however
      // soon it answers, instead of finishing its script and the lane before the next tick
      await enqueue(7, "developer", "Slow", [
        { write: "draft.txt", content: "draft\n" },
        { wait_input: true },
        { wait_input: true },
      ]);
      const sup = start({ fakeClock: true });
      await sup.start();
      const idle = await waitUntil(
        () => laneIn("job-7", ["idle"]),
        "the lane to wait for input",
        LANE_WAIT_MS,
      );
      clock += 29 * 60_000;
      await sup.tick();
      expect((await laneIn("job-7", ["idle"]))?.nudgedAt).toBeUndefined();
      clock += 61 * 1000 + 60_000;
      await sup.tick();
      // read in any open state: the agent may already have heard the nudge and ended its turn again
      const nudged = await laneIn("job-7", ["idle", "working"]);
      expect(nudged?.nudgedAt).toBe(clock);
      await waitUntil(
        async () =>
          (await tmux.capture(idle.paneId, 200)).includes("since this lane's last commit") ? true : undefined,
        "the nudge in the pane",
      );
      clock += 5 * 60_000;
      await sup.tick();
      expect(await repo.git("log", "--format=%s", "-1", idle.branch)).toBe(
        "WIP: lanes auto-commit for #7 (no commit in 30 minutes)",
      );
      expect(await repo.git("show", `${idle.branch}:draft.txt`)).toBe("draft");
    },
    TEST_MS,
  );

  it(
    "fails the job at once and says why on the PRP's issue when claude is missing, instead of a hanging pane",
    async () => {
      await enqueue(8, "developer", "Needs Claude");
      const github = createGitHubPort({
        auth: { type: "token", token: "t" },
        baseUrl: "https://api.github.com",
        log: silentLogger(),
        pacing: "none",
        retries: 0,
      });
      const said: string[] = [];
      const scope = nock("https://api.github.com")
        .post("/repos/octo/app/issues/8/comments", (body: { body: string }) => said.push(body.body) > 0)
        .reply(201, {
          id: 1,
          body: "ok",
          user: { login: "lanes[bot]", type: "Bot" },
          html_url: "https://github.com/octo/app/issues/8#issuecomment-1",
          created_at: "2026-11-23T00:00:00Z",
          updated_at: "2026-11-23T00:00:00Z",
        });
      const sup = start({
        agent: claudeAgent(),
        extra: {
          env: { PATH: "/nonexistent", HOME: home.path },
          reportAgentProblem: agentProblemReporter(
            { github, repo: { owner: "octo", repo: "app" } },
            "host-a",
          ),
        },
      });
      await sup.start();
      // the job is failed before the comment is posted: wait for the comment, the last thing the supervisor does
      await waitUntil(async () => scope.isDone(), "the comment on the PRP's issue", LANE_WAIT_MS);
      const job = await store.getJob("job-8");
      expect(job.state).toBe("delayed");
      expect(job.lastError).toMatch(/Claude Code \(`claude`\) is not installed on this runner host/);
      // the report follows the job's failure: wait for it rather than race it
      await waitUntil(async () => (said.length > 0 ? true : undefined), "the report on the PRP");
      scope.done();
      expect(said[0]).toMatch(/^\*\*Lanes could not start an agent for this PRP\*\* on runner host `host-a`/);
      expect(said[0]).toContain("npm i -g @anthropic-ai/claude-code");
      expect(await listLanes(paths.lanes)).toEqual([]);
    },
    TEST_MS,
  );
});
