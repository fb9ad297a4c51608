// CPU accounting and small waits shared by the runner benchmarks and their baselines.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { round, type BenchResult } from "./stats.js";

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** CPU ms of the children this process has waited for (git, tmux): /proc/self/stat cutime + cstime. */
function childCpuMs(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/** CPU ms a process (the tmux server) has used itself: /proc/<pid>/stat utime + stime. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** This process's CPU (own + waited-for children) and the tmux server's over `seconds` of wall time. */
export async function cpuOver(seconds: number, tmuxServerPid: number, name: string): Promise<BenchResult> {
  const cpu0 = process.cpuUsage();
  const children0 = childCpuMs();
  const server0 = processCpuMs(tmuxServerPid);
  const t0 = performance.now();
  await pause(seconds * 1000);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  const ownMs = (cpu.user + cpu.system) / 1000;
  const childMs = childCpuMs() - children0;
  const busyMs = ownMs + childMs;
  return {
    name,
    n: 1,
    median_ms: round(busyMs),
    p95_ms: round(busyMs),
    wall_ms: round(wall),
    cpu_percent: round((busyMs / wall) * 100, 2),
    process_cpu_ms: round(ownMs),
    subprocess_cpu_ms: round(childMs),
    tmux_server_cpu_ms: round(processCpuMs(tmuxServerPid) - server0),
  };
}
