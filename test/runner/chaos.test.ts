// Chaos: a stack of script agents on real tmux, git and redis-server (AOF, fsync always) while a seeded
// schedule kills the supervisor, agent panes and redis-server at random moments. Every PRP must be built
// exactly once and nothing may be left running. `npm test` runs LANES_CHAOS_SCHEDULES (default 2)
// schedules from a fixed seed, so CI is repeatable; LANES_CHAOS_SEED=<seed> picks another (or replays a
// printed one) and LANES_CHAOS_SEED=random draws one. Each schedule prints its seed, faults and recoveries;
// a failed one (every one with LANES_CHAOS_KEEP=1) leaves its stack's folder in test-output/chaos/<seed>.
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { listLanes, type LaneRecord } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore } from "../../src/state/index.js";
import { startLocalRedis } from "../../src/state/local-redis.js";
import { lanes } from "../support/cli.js";
import { gitEnv, makeRepo } from "../support/git.js";
import { processesOfStack } from "../support/stack-processes.js";
import { makeTempDir } from "../support/tmp.js";
import { faultSchedule, type Fault } from "./chaos-schedule.js";
import { enqueueScriptJobs } from "./script-jobs.js";
import { waitUntil } from "./wait-until.js";

const SCHEDULES = Number(process.env.LANES_CHAOS_SCHEDULES ?? 2);
const SEED_GIVEN = process.env.LANES_CHAOS_SEED ?? "381066";
const FIRST_SEED = SEED_GIVEN === "random" ? Math.floor(Math.random() * 1_000_000) : Number(SEED_GIVEN);
const FAULTS_PER_SCHEDULE = 4;
const SERVICE_WINDOWS = new Set(["status", "supervisor", "logs", "keeper"]);

interface Outcome {
  seed: number;
  fault: Fault["kind"];
  /** From the fault to the next lane event (ms); null when every lane was already done. */
  recoveryMs: number | null;
}
const outcomes: Outcome[] = [];
const say = (text: string) => process.stdout.write(`chaos: ${text}\n`);

const fingerprint = (all: readonly LaneRecord[]) =>
  all.map((l) => `${l.id}:${l.state}:${l.lastEventAt ?? 0}:${l.restarts}:${l.commits}:${l.paneId}`).join("|");

async function runSchedule(seed: number): Promise<void> {
  const schedule = faultSchedule(seed, FAULTS_PER_SCHEDULE);
  say(`seed ${seed}: ${schedule.map((f) => `${f.kind}@+${f.afterMs}ms`).join(", ")}`);
  const home = await makeTempDir("lanes-chaos");
  const repo = await makeRepo();
  await repo.commit("init", { "README.md": "# Chaos\n" });
  const remote = await makeRepo({ bare: true });
  await repo.git("remote", "add", "origin", remote.dir);
  const redis = await startLocalRedis({ dir: home.path, appendonly: true });
  const name = `c${seed.toString(36)}`;
  const prefix = `lanes-chaos-${seed}:`;
  const env = {
    ...gitEnv,
    LANES_HOME: home.path,
    REDIS_URL: redis.url,
    LANES_PREFIX: prefix,
    LANES_TICK_MS: "300",
    LANES_WORKTREE_ROOT: join(home.path, "worktrees"),
    LANES_LOG_LEVEL: "info",
  };
  const paths = stackPaths(env, name);
  const tmux = new Tmux(paths.socket);
  const store = await openStateStore({ url: redis.url, prefix, log: silentLogger() });
  let passed = false;
  try {
    const jobs = await enqueueScriptJobs(store, `local/${name}`, { jobs: 3, steps: 4, pauseMs: 1_000 });
    const up = await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--roles",
        "developer",
        "--agent",
        "script",
        "--agents",
        "2",
      ],
      { env },
    );
    expect(up.stderr).toBe("");
    await waitUntil(async () => (await listLanes(paths.lanes)).length > 0, "a first lane", 60_000);

    for (const fault of schedule) {
      await new Promise((r) => setTimeout(r, fault.afterMs));
      const before = await listLanes(paths.lanes);
      if (before.length === jobs.commits.size && before.every((l) => l.state === "done")) {
        outcomes.push({ seed, fault: fault.kind, recoveryMs: null });
        continue;
      }
      const panes = (await tmux.listPanes(name)).filter((p) => !p.dead);
      const at = Date.now();
      if (fault.kind === "redis") {
        await redis.kill();
        await new Promise((r) => setTimeout(r, fault.arg));
        await redis.start();
      } else {
        const targets = panes.filter((p) =>
          fault.kind === "supervisor" ? p.windowName === "supervisor" : !SERVICE_WINDOWS.has(p.windowName),
        );
        const target = targets[fault.arg % Math.max(1, targets.length)];
        if (target) process.kill(target.pid, "SIGKILL");
      }
      const was = fingerprint(before);
      const moved = await waitUntil(
        async () => (fingerprint(await listLanes(paths.lanes)) !== was ? Date.now() : undefined),
        `the stack to move again after the ${fault.kind} fault (seed ${seed})`,
        120_000,
      );
      outcomes.push({ seed, fault: fault.kind, recoveryMs: moved - at });
      say(`seed ${seed}: ${fault.kind} killed → next lane event after ${((moved - at) / 1000).toFixed(1)} s`);
    }

    const done = await waitUntil(
      async () => {
        const all = await listLanes(paths.lanes);
        return all.length === jobs.commits.size && all.every((l) => l.state === "done") ? all : undefined;
      },
      `every lane to finish (seed ${seed})`,
      300_000,
    );
    // Exactly once: every job done, one pushed branch per PRP, each step's commit on it once.
    for (const [id] of jobs.commits) expect((await store.getJob(id)).state).toBe("done");
    const pushed = (await remote.git("branch", "--format=%(refname:short)")).split("\n").sort();
    expect(pushed).toEqual(done.map((l) => l.branch).sort());
    for (const lane of done) {
      const subjects = (await repo.git("log", "--format=%s", `main..${lane.branch}`)).split("\n").reverse();
      expect(subjects, `commits of ${lane.branch} (seed ${seed})`).toEqual(jobs.commits.get(lane.id));
      expect(await remote.git("rev-parse", lane.branch)).toBe(await repo.git("rev-parse", lane.branch));
    }
    expect((await lanes(["stack", "down", "--name", name], { env })).code).toBe(0);
    // the test's own redis-server keeps its data under the test's home: it is not the stack's
    const left = await processesOfStack(name, [home.path, repo.dir]);
    expect(left.filter((p) => !p.command.startsWith(`redis-server 127.0.0.1:${redis.port}`))).toEqual([]);
    passed = true;
  } finally {
    if (!passed || process.env.LANES_CHAOS_KEEP === "1") {
      // the stack's folder (supervisor log, lane records, restarts) outlives a failed schedule
      const kept = join("test-output", "chaos", String(seed));
      await cp(paths.dir, kept, { recursive: true }).catch(() => undefined);
      say(`seed ${seed}: ${passed ? "passed" : "failed"}; the stack's folder is kept in ${kept}`);
    }
    await tmux.killServer();
    await store.quit();
    await redis.stop();
    await repo.remove();
    await remote.remove();
    await home.remove();
  }
}

describe("chaos: supervisor, agents and redis-server killed at random moments", () => {
  afterAll(() => {
    const times = outcomes
      .flatMap((o) => (o.recoveryMs === null ? [] : [o.recoveryMs]))
      .sort((a, b) => a - b);
    if (times.length === 0) return;
    const median = times[Math.floor((times.length - 1) / 2)] as number;
    const byKind = ["supervisor", "agent", "redis"].map(
      (kind) => `${kind} ${outcomes.filter((o) => o.fault === kind && o.recoveryMs !== null).length}`,
    );
    say(
      `${SCHEDULES} schedule(s) from seed ${FIRST_SEED}: ${times.length} faults (${byKind.join(", ")}); recovery median ${(median / 1000).toFixed(1)} s, worst ${((times.at(-1) as number) / 1000).toFixed(1)} s`,
    );
  });

  for (let i = 0; i < SCHEDULES; i++) {
    const seed = FIRST_SEED + i;
    it(
      `builds every PRP exactly once and leaves nothing running (seed ${seed})`,
      () => runSchedule(seed),
      600_000,
    );
  }
});
