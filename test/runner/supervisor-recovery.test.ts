// A supervisor killed at the worst moments (chaos seed 646968: two kills 0.9 s apart, under load) and
// a lease outlived by a slow step: the next supervisor finishes every lane exactly once, nothing is lost
// and no job is attempted twice. Each case puts the stack in the state a kill at that moment leaves.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import type { AgentAdapter } from "../../src/runner/agents/agent-adapter.js";
import { keepClaim } from "../../src/runner/lane-claims.js";
import { appendLaneEvent } from "../../src/runner/lane-events.js";
import { LaneDriver } from "../../src/runner/lane-driver.js";
import { listLanes, loadLane, saveLane, type LaneRecord } from "../../src/runner/lane-record.js";
import { openLane } from "../../src/runner/lane-setup.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor, type SupervisorOptions } from "../../src/runner/supervisor.js";
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
const LONG_LEASE_MS = 600_000;
const WAIT_MS = 120_000;
const TEST_MS = 240_000;

describe("supervisor recovery", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let remote: TestRepo;
  let home: TempDir;
  let paths: StackPaths;
  let name: string;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;
  let ticker: NodeJS.Timeout | undefined;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    remote = await makeRepo({ bare: true });
    await repo.git("remote", "add", "origin", remote.dir);
    home = await makeTempDir("lanes-recovery");
    name = `r${Math.random().toString(36).slice(2, 8)}`;
    paths = stackPaths({ LANES_HOME: home.path }, name);
    tmux = new Tmux(paths.socket);
    await tmux.newSession({ session: name, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  }, 120_000);
  afterEach(async () => {
    if (ticker) clearInterval(ticker);
    await supervisor?.stop();
    supervisor = undefined;
    await store.quit();
    await tmux.killServer();
    await repo.remove();
    await remote.remove();
    await home.remove();
  }, 120_000);

  function options(leaseMs: number, agent: AgentAdapter = scriptAgent()): SupervisorOptions {
    return {
      name,
      hostName: "host-a",
      roles: ["developer"],
      agents: 1,
      leaseMs,
      claimWaitMs: 300,
      store,
      log: silentLogger(),
      maxRestarts: 1,
      briefFallbackMs: 60_000,
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "worktrees"),
        session: name,
        tmux,
        paths,
        agent,
        roleBrief: () => "You are the developer.",
        paneEnv: IDENTITY,
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
    };
  }

  function run(opts: SupervisorOptions, tickMs = 300): Supervisor {
    const sup = new Supervisor(opts);
    supervisor = sup;
    ticker = setInterval(() => void sup.tick(), tickMs);
    return sup;
  }

  async function enqueue(id: string, issue: number): Promise<void> {
    await store.enqueue({
      id,
      repo: "local/demo",
      issue,
      role: "developer",
      title: `Lane ${issue}`,
      payload: {
        prp: {
          criteria: ["built once"],
          script: [{ write: `work-${issue}.txt`, content: "1\n" }, { commit: `Lane ${issue} step` }],
        },
      },
    });
  }

  /** What the queue hands the dead supervisor; the lease is long, so only a fix could reopen it soon. */
  async function claim(): Promise<NonNullable<Awaited<ReturnType<OpenedStateStore["claim"]>>>> {
    const claimed = await store.claim({
      role: "developer",
      host: "host-a",
      agent: `host-a/${name}`,
      leaseMs: LONG_LEASE_MS,
    });
    if (!claimed) throw new Error("nothing to claim");
    return claimed;
  }

  const laneIn = async (id: string, state: LaneRecord["state"]) =>
    (await listLanes(paths.lanes)).find((l) => l.id === id && l.state === state);

  it(
    "opens the lane a supervisor killed while opening it left behind, with the same lease, at once",
    async () => {
      await enqueue("job-1", 1);
      const { job, lease } = await claim();
      // killed between the claim and the lane record: only the claim file says the job is this host's
      await keepClaim(paths, { job, lease });

      const sup = run(options(LONG_LEASE_MS));
      await sup.start();
      const done = await waitUntil(() => laneIn("job-1", "done"), "the claimed lane to finish", WAIT_MS);

      expect(done.lease.token).toBe(lease.token);
      expect(await store.getJob("job-1")).toMatchObject({ state: "done", attempts: 1 });
      expect(await repo.git("log", "--format=%s", `main..${done.branch}`)).toBe("Lane 1 step");
    },
    TEST_MS,
  );

  it(
    "opens a job the queue leased to this stack that its last supervisor never wrote down, at once",
    async () => {
      await enqueue("job-6", 6);
      await enqueue("job-7", 7);
      // killed between the queue's answer and the claim file (chaos seed 1011): only Redis knows
      const { lease } = await claim();
      // another stack on the same host holds job-7: not this stack's to open
      const theirs = await store.claim({ role: "developer", host: "host-a", agent: "host-a/other" });

      const sup = run(options(LONG_LEASE_MS));
      await sup.start({ claim: false });
      const done = await waitUntil(() => laneIn("job-6", "done"), "the leased job's lane to finish", WAIT_MS);

      expect(done.lease.token).toBe(lease.token);
      expect(await store.getJob("job-6")).toMatchObject({ state: "done", attempts: 1 });
      expect(await store.getJob("job-7")).toMatchObject({ state: "active", attempts: 1 });
      expect((await listLanes(paths.lanes)).map((l) => l.id)).toEqual(["job-6"]);
      expect(theirs?.job.id).toBe("job-7");
    },
    TEST_MS,
  );

  it(
    "records a lane done when its job was acknowledged just before the supervisor died",
    async () => {
      await enqueue("job-2", 2);
      const { job, lease } = await claim();
      const lane = await openLane(options(LONG_LEASE_MS).host, job, lease, Date.now());
      await tmux.killWindow(lane.paneId);
      // pushed and acknowledged, then killed before the lane record said done
      await repo.git("push", "origin", lane.branch);
      expect(await store.ack(lease)).toBe(true);
      await saveLane(paths.lane(job.id), { ...lane, state: "finishing", summary: "built", commits: 0 });

      const sup = run(options(LONG_LEASE_MS));
      await sup.start({ claim: false });
      const done = await waitUntil(() => laneIn("job-2", "done"), "the lane to be recorded done", WAIT_MS);

      expect(done).toMatchObject({ note: "built", restarts: 0 });
      expect((await store.getJob("job-2")).attempts).toBe(1);
    },
    TEST_MS,
  );

  it(
    "records a lane finishing before its window is closed, so a supervisor killed during the push resumes the push",
    async () => {
      await enqueue("job-3", 3);
      const { job, lease } = await claim();
      const opts = options(LONG_LEASE_MS);
      const lane = await openLane(opts.host, job, lease, Date.now());
      await saveLane(paths.lane(job.id), lane);
      const seenAtKill: (string | undefined)[] = [];
      const spy = Object.create(tmux) as Tmux;
      spy.killWindow = async (target: string) => {
        seenAtKill.push((await loadLane(paths.lane(job.id)))?.state);
        return tmux.killWindow(target);
      };
      const driver = new LaneDriver({ ...opts, host: { ...opts.host, tmux: spy }, now: Date.now }, lane, job);

      expect(await driver.close("done", "built")).toBe("closed");
      expect(seenAtKill).toEqual(["finishing"]);
      expect((await loadLane(paths.lane(job.id)))?.state).toBe("done");
    },
    TEST_MS,
  );

  it(
    "routes the events logged after a supervisor that was killed before it routed any",
    async () => {
      await enqueue("job-5", 5);
      const { job, lease } = await claim();
      // an agent that logs no event of its own: the only one is the Stop appended below
      const quiet: AgentAdapter = { ...scriptAgent(), command: () => ["sleep", "600"] };
      const opts = options(LONG_LEASE_MS, quiet);
      const lane = await openLane(opts.host, job, lease, Date.now());
      await saveLane(paths.lane(job.id), { ...lane, state: "working", briefed: true });
      // the first supervisor of the stack starts, and dies before any event reaches it
      const first = new Supervisor(opts);
      await first.start({ claim: false });
      await first.stop();
      // the agent ends its turn while no supervisor runs
      await appendLaneEvent(paths.events, { lane: job.id, event: "Stop", at: Date.now() });

      const sup = new Supervisor(opts);
      supervisor = sup;
      await sup.start({ claim: false });
      await sup.settle();
      const routed = await waitUntil(
        async () => (await loadLane(paths.lane(job.id)))?.lastEvent === "Stop" || undefined,
        "the Stop event to reach the lane",
        10_000,
      );
      expect(routed).toBe(true);
    },
    TEST_MS,
  );

  it(
    "keeps a lane whose opening outlasted its lease: the host renews its own leases before it reaps",
    async () => {
      await enqueue("job-4", 4);
      const slowCheck: AgentAdapter = {
        ...scriptAgent(),
        // opening takes longer than the lease, as it did under load in the failover test
        check: () => new Promise((resolve) => setTimeout(resolve, 2_500)),
      };
      // (a lease much shorter than 1 s would also lapse during a tick that began before the claim and
      // reaps after it: that is expiry as designed, and no code path here is about it)
      const sup = run(options(1_000, slowCheck), 100);
      await sup.start();
      const done = await waitUntil(() => laneIn("job-4", "done"), "the lane to finish", WAIT_MS);

      expect(done.restarts).toBe(0);
      expect(await store.getJob("job-4")).toMatchObject({ state: "done", attempts: 1 });
    },
    TEST_MS,
  );
});
