// The processes a stack runs, found from its panes: each pane's program leads its own session, so the
// session ids catch a pane's children even when they moved to another process group. Linux /proc only;
// elsewhere a pane's process group is all that is known. Never signals the calling process.
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
}

/** Every process /proc shows (empty where there is no /proc). */
export async function listProcesses(): Promise<ProcessInfo[]> {
  if (!existsSync("/proc")) return [];
  const found: ProcessInfo[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // the command name is in parentheses and may itself hold spaces or parentheses
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields.length < 4) continue;
    found.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      sid: Number(fields[3]),
    });
  }
  return found;
}

/** The pane programs and everything below them: same session, or a descendant by parent id. */
export function processesOf(roots: readonly number[], all: readonly ProcessInfo[]): number[] {
  const keep = new Set(roots.filter((pid) => pid > 1));
  const sessions = new Set(keep);
  for (const p of all) if (sessions.has(p.sid)) keep.add(p.pid);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!keep.has(p.pid) && keep.has(p.ppid)) {
        keep.add(p.pid);
        grew = true;
      }
    }
  }
  keep.delete(process.pid);
  return [...keep];
}

/** Alive and not a zombie (an exited child nobody reaped yet counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  if (!existsSync("/proc")) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/**
 * SIGTERM to every process and each pane's process group, then SIGKILL to whatever still runs after
 * `graceMs`. Returns the processes that had to be killed.
 */
export async function endProcesses(
  roots: readonly number[],
  pids: readonly number[],
  graceMs = 5_000,
): Promise<number[]> {
  const own = process.pid;
  for (const root of roots) if (root > 1 && root !== own) signal(-root, "SIGTERM");
  for (const pid of pids) if (pid !== own) signal(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  let left = pids.filter(isRunning);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = left.filter(isRunning);
  }
  for (const pid of left) signal(pid, "SIGKILL");
  return left;
}
