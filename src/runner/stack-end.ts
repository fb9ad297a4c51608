// Ends a stack and everything it started: the tmux server, every pane's program and whatever those
// started (children that left the pane's process group included). Used by `stack down`, by a
// supervisor that is told to stop (SIGTERM, SIGHUP) and by a `stack up` that failed.
import { endProcesses, listProcesses, processesOf } from "./stack-processes.js";
import type { Tmux } from "./tmux.js";

export interface EndedStack {
  wasRunning: boolean;
  /** Processes that ignored SIGTERM and were killed. */
  killed: number[];
}

export async function endStack(tmux: Tmux, session: string, graceMs = 5_000): Promise<EndedStack> {
  const panes = await tmux.listPanes().catch(() => []);
  const roots = panes.filter((p) => !p.dead && p.pid > 1).map((p) => p.pid);
  const pids = processesOf(roots, await listProcesses());
  const wasRunning = panes.some((p) => p.session === session);
  // The server first: nothing can restart a pane once it is gone (the keeper dies with it).
  await tmux.killServer();
  const killed = await endProcesses(roots, pids, graceMs);
  return { wasRunning, killed };
}
