// Runner benchmarks (real tmux, git and redis-server): how fast a 6-window stack is ready, the latency
// from a job being queued to its brief showing in the agent's pane, and supervisor CPU with 20 idle agents.
// Each has a baseline run in the same process: what the seed shell scripts Lanes replaces did (plain
// tmux commands typed as keystrokes, LPOP polling every 500 ms, capture-pane scraping of every pane).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { silentLogger } from "../src/observe/logger.js";
import type { AgentAdapter } from "../src/runner/agents/agent-adapter.js";
import { appendLaneEvent } from "../src/runner/lane-events.js";
import { stackPaths } from "../src/runner/stack-paths.js";
import { Supervisor, type SupervisorOptions } from "../src/runner/supervisor.js";
import { Tmux } from "../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../src/state/index.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { cpuOver, until } from "./cpu.js";
import { seedPollToBrief, seedScrapeCpu, seedStackReady } from "./runner-seeds.js";
import { compare, summarize, type BenchResult } from "./stats.js";

/** An agent that only waits for input: measures Lanes' machinery, not an agent's start-up. */
const catAgent: AgentAdapter = {
  kind: "script",
  check: async () => undefined,
  writeSettings: async () => undefined,
  command: () => ["cat"],
};

async function stackReady(n: number): Promise<BenchResult> {
  const samples: number[] = [];
  const dir = await mkdtemp(join(tmpdir(), "lanes-bench-"));
  for (let i = 0; i < n; i++) {
    const tmux = new Tmux(`lanes-bench-ready-${process.pid}-${i}`);
    const start = performance.now();
    await tmux.newSession({ session: "s", window: "status", cwd: dir, command: ["sleep", "60"] });
    for (const w of ["supervisor", "logs", "agent-1", "agent-2", "agent-3"])
      await tmux.newWindow({ session: "s", window: w, cwd: dir, command: ["sleep", "60"] });
    await until(async () =>
      (await tmux.listPanes("s")).filter((p) => !p.dead).length === 6 ? true : undefined,
    );
    samples.push(performance.now() - start);
    await tmux.killServer();
  }
  const baseline = await seedStackReady(n, dir);
  await rm(dir, { recursive: true, force: true });
  return compare(
    summarize("stack ready: private tmux server with 6 windows (excluding agent start)", samples),
    baseline,
  );
}

/** Runs `work` against a supervisor of `agents` cat agents; `extra` adds options (the dashboard bench's watch). */
export async function withSupervisor<T>(
  agents: number,
  tickMs: number,
  work: (ctx: {
    sup: Supervisor;
    enqueue: (i: number) => Promise<void>;
    tmux: Tmux;
    events: string;
    redisUrl: string;
  }) => Promise<T>,
  extra: (ctx: { store: OpenedStateStore; tmux: Tmux }) => Partial<SupervisorOptions> = () => ({}),
): Promise<T> {
  const redis = await startRedisServer();
  const home = await mkdtemp(join(tmpdir(), "lanes-bench-home-"));
  const repo = join(home, "repo");
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  execFileSync("git", [
    "-C",
    repo,
    "-c",
    "user.name=b",
    "-c",
    "user.email=b@b",
    "commit",
    "-q",
    "--allow-empty",
    "-m",
    "init",
  ]);
  const paths = stackPaths({ LANES_HOME: home }, "bench");
  const tmux = new Tmux(`lanes-bench-${process.pid}`);
  await tmux.newSession({ session: "bench", window: "status", cwd: home, command: ["sleep", "3600"] });
  const store = await openStateStore({
    url: redis.url,
    prefix: "bench:",
    log: silentLogger(),
    leaseMs: 60_000,
  });
  const sup = new Supervisor({
    name: "bench",
    hostName: "bench-host",
    roles: ["developer"],
    agents,
    leaseMs: 60_000,
    claimWaitMs: 5_000,
    store,
    log: silentLogger(),
    maxRestarts: 1,
    briefFallbackMs: 3_600_000,
    scrapeEveryMs: 60_000,
    host: {
      repo,
      base: "main",
      worktreeRoot: join(home, "wt"),
      session: "bench",
      tmux,
      paths,
      agent: catAgent,
      roleBrief: () => "bench",
    },
    finish: { repo, base: "main" },
    ...extra({ store, tmux }),
  });
  await sup.start();
  const timer = setInterval(() => void sup.tick(), tickMs);
  try {
    const enqueue = async (i: number) => {
      await store.enqueue({
        id: `job-${i}`,
        repo: "local/bench",
        issue: i,
        role: "developer",
        title: `Bench ${i}`,
      });
    };
    return await work({ sup, enqueue, tmux, events: paths.events, redisUrl: redis.url });
  } finally {
    clearInterval(timer);
    await sup.stop();
    await store.quit();
    await tmux.killServer();
    await redis.destroy();
    await rm(home, { recursive: true, force: true });
  }
}

async function claimToBrief(n: number): Promise<BenchResult> {
  return withSupervisor(n, 5_000, async ({ sup, enqueue, tmux, events, redisUrl }) => {
    const samples: number[] = [];
    const opened: number[] = [];
    for (let i = 1; i <= n; i++) {
      const start = performance.now();
      await enqueue(i);
      const lane = await until(async () => sup.lanes().find((l) => l.id === `job-${i}`));
      opened.push(performance.now() - start);
      // the agent's SessionStart hook, as Claude Code would send it
      await appendLaneEvent(events, {
        lane: lane.id,
        event: "SessionStart",
        at: Date.now(),
        sessionId: `s-${i}`,
      });
      await until(async () =>
        (await tmux.capture(lane.paneId)).includes(`#${i} "Bench ${i}"`) ? true : undefined,
      );
      samples.push(performance.now() - start);
    }
    const ours = summarize(
      "job queued → claimed → worktree + CLAUDE.md + window → brief visible in the pane",
      samples,
      {
        lane_opened_median_ms: summarize("", opened).median_ms,
        lane_opened_p95_ms: summarize("", opened).p95_ms,
      },
    );
    return compare(ours, await seedPollToBrief(n, redisUrl));
  });
}

async function idleCpu(agents: number, seconds: number, tickMs: number): Promise<BenchResult> {
  const ours = await withSupervisor(agents, tickMs, async ({ sup, enqueue, tmux }) => {
    for (let i = 1; i <= agents; i++) await enqueue(i);
    await until(async () => (sup.lanes().length === agents ? true : undefined));
    const serverPid = Number((await tmux.run(["display-message", "-p", "-t", "bench:", "#{pid}"])).trim());
    const result = await cpuOver(
      seconds,
      serverPid,
      `supervisor CPU with ${agents} idle agents (tick every ${tickMs / 1000} s)`,
    );
    const { process_cpu_ms: supervisorMs, ...rest } = result;
    return { ...rest, supervisor_cpu_ms: supervisorMs };
  });
  const baseline = await seedScrapeCpu(agents, seconds, tickMs);
  return {
    ...compare(ours, baseline),
    baseline_cpu_percent: baseline.cpu_percent,
    baseline_subprocess_cpu_ms: baseline.subprocess_cpu_ms,
    baseline_tmux_server_cpu_ms: baseline.tmux_server_cpu_ms,
  };
}

export async function run(): Promise<BenchResult[]> {
  // stack ready n=10 and 15 s at the 5 s tick keep the run, baselines included, near 90 s
  return [
    await stackReady(10),
    await claimToBrief(20),
    await idleCpu(20, 15, 5_000),
    await idleCpu(20, 10, 1_000),
  ];
}
