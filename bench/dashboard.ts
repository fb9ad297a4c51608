// What the dashboard costs the runner host: supervisor CPU (its own, plus the tmux captures it waits for)
// with 20 lanes, with the lane watch (snapshots + pane lines to Redis) and without it. Idle agents send no
// events, so the watch compares snapshots on ticks and captures each working lane's pane every 30 s;
// busy agents send one hook event per second each, and every event costs a capture (at most one per lane
// per second). The 65 s idle case compares the watch with and without the 30 s capture.
import { silentLogger } from "../src/observe/logger.js";
import { appendLaneEvent } from "../src/runner/lane-events.js";
import { createLaneWatch } from "../src/runner/lane-watch.js";
import { cpuOver, until } from "./cpu.js";
import { withSupervisor } from "./runner.js";
import { round, type BenchResult } from "./stats.js";

const AGENTS = 20;

async function measure(
  watch: boolean,
  busy: boolean,
  seconds: number,
  tickMs: number,
  periodicMs = 30_000,
): Promise<BenchResult> {
  return withSupervisor(
    AGENTS,
    tickMs,
    async ({ sup, enqueue, tmux, events }) => {
      for (let i = 1; i <= AGENTS; i++) await enqueue(i);
      await until(async () => (sup.lanes().length === AGENTS ? true : undefined));
      const serverPid = Number((await tmux.run(["display-message", "-p", "-t", "bench:", "#{pid}"])).trim());
      let timer: NodeJS.Timeout | undefined;
      if (busy) {
        timer = setInterval(() => {
          for (const lane of sup.lanes())
            void appendLaneEvent(events, { lane: lane.id, event: "PostToolUse", at: Date.now() });
        }, 1_000);
      }
      try {
        const capture = periodicMs === Infinity ? " (no 30 s capture)" : "";
        const name = `supervisor CPU, ${AGENTS} ${busy ? "busy (1 event/s each)" : "idle"} agents, tick ${tickMs / 1000} s, ${seconds} s, lane watch ${watch ? `on${capture}` : "off"}`;
        return await cpuOver(seconds, serverPid, name);
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    ({ store, tmux }) =>
      watch
        ? {
            watch: createLaneWatch({
              board: store,
              capture: (pane) => tmux.capture(pane),
              log: silentLogger(),
              stack: "bench",
              host: "bench-host",
              periodicMs,
            }),
          }
        : {},
  );
}

async function pair(busy: boolean, seconds: number, tickMs: number): Promise<BenchResult> {
  const off = await measure(false, busy, seconds, tickMs);
  const on = await measure(true, busy, seconds, tickMs);
  return {
    ...on,
    without_watch_cpu_percent: off.cpu_percent,
    without_watch_process_cpu_ms: off.process_cpu_ms,
    without_watch_subprocess_cpu_ms: off.subprocess_cpu_ms,
    without_watch_tmux_server_cpu_ms: off.tmux_server_cpu_ms,
    added_cpu_percent: round((on.cpu_percent as number) - (off.cpu_percent as number), 2),
  };
}

/** Idle agents over 65 s (two 30 s captures per lane): the watch without the periodic capture, then with it. */
async function periodic(): Promise<BenchResult> {
  const off = await measure(false, false, 65, 5_000);
  const before = await measure(true, false, 65, 5_000, Infinity);
  const on = await measure(true, false, 65, 5_000);
  return {
    ...on,
    without_watch_cpu_percent: off.cpu_percent,
    watch_without_periodic_capture_cpu_percent: before.cpu_percent,
    added_by_periodic_capture_cpu_percent: round(
      (on.cpu_percent as number) - (before.cpu_percent as number),
      2,
    ),
  };
}

export async function run(): Promise<BenchResult[]> {
  return [
    await pair(false, 15, 5_000),
    await pair(false, 10, 1_000),
    await pair(true, 10, 5_000),
    await periodic(),
  ];
}
