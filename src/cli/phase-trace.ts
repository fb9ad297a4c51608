// LANES_TRACE=1: one stderr line per phase of a command (milliseconds since the previous mark and since
// the process started), to see where a run's time goes without a profiler. Off, it costs one branch a mark.
import type { CliIo } from "./cli-deps.js";

export type PhaseTrace = (phase: string) => void;

export function phaseTrace(env: NodeJS.ProcessEnv, io: CliIo): PhaseTrace {
  if (env.LANES_TRACE !== "1") return () => undefined;
  let last = 0;
  return (phase) => {
    const now = performance.now();
    io.stderr(`lanes trace: ${phase} ${(now - last).toFixed(1)} ms (at ${now.toFixed(1)} ms)\n`);
    last = now;
  };
}
