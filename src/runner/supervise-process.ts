// The process around a stack's supervisor: what its signals mean. SIGTERM, SIGINT and SIGHUP stop it
// and end the whole stack (agents, keeper, tmux server), so no process outlives a stopped supervisor;
// SIGUSR2 stops only the supervisor, and the keeper starts a new one at once (`stack add-roles`).
// A supervisor that does not stop in time (stuck on an unreachable Redis) is ended anyway.
import { writeFileSync } from "node:fs";
import { runSupervisor, type SupervisorWiring } from "./run-supervisor.js";
import { endStack } from "./stack-end.js";
import { restartRequestFile } from "./stack-launch.js";
import { stackPaths } from "./stack-paths.js";
import { Tmux } from "./tmux.js";

/** How long a stop may take before the process ends without finishing it (ms). */
export const STOP_DEADLINE_MS = 15_000;

export async function superviseProcess(
  env: NodeJS.ProcessEnv,
  name: string,
  wiring: SupervisorWiring = {},
): Promise<number> {
  const paths = stackPaths(env, name);
  const tmux = new Tmux(paths.socket);
  const stop = new AbortController();
  let how: "end-stack" | "restart" | undefined;
  const deadline = (work: () => Promise<unknown>) =>
    setTimeout(() => void work().finally(() => process.exit(1)), STOP_DEADLINE_MS).unref();
  // Only the server this supervisor runs in is ended: when that one is already gone (`stack down`, a
  // reboot simulated by killing it), a new stack of the same name may be starting on the same socket.
  const server = tmux.serverPid();
  const endOwnStack = async () => {
    const own = await server;
    if (own !== undefined && (await tmux.serverPid()) === own) await endStack(tmux, name);
  };

  const onStop = (signal: NodeJS.Signals) => {
    if (how === "end-stack") {
      // Ending the stack closes this process's own pane, which hangs it up: that SIGHUP is expected.
      if (signal !== "SIGHUP") process.exit(1);
      return;
    }
    how = "end-stack";
    stop.abort();
    deadline(endOwnStack);
  };
  const onRestart = () => {
    if (how !== undefined) return;
    how = "restart";
    stop.abort();
    deadline(async () => undefined);
    // written before the process ends, so the keeper restarts it at once (no crash-loop backoff)
    writeFileSync(restartRequestFile(paths), `${process.pid}\n`);
  };
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, onStop);
  process.on("SIGUSR2", onRestart);

  await runSupervisor(env, name, stop.signal, wiring);
  if (how === "end-stack") await endOwnStack();
  return 0;
}
