// The clock a stack's supervisor runs on: the real one, unless LANES_CLOCK_OFFSET_FILE names a file holding
// milliseconds to add (a test seam: the end-to-end test moves a running stack's clock forward so that a
// `/lanes schedule` check-in falls due without waiting). Only the supervisor reads it; leases and Redis
// keep real time. A missing or unreadable file means no offset.
import { readFileSync } from "node:fs";

export const CLOCK_OFFSET_ENV = "LANES_CLOCK_OFFSET_FILE";

export function supervisorClock(env: NodeJS.ProcessEnv): () => number {
  const file = env[CLOCK_OFFSET_ENV];
  if (!file) return Date.now;
  return () => {
    let offset = 0;
    try {
      offset = Number(readFileSync(file, "utf8").trim()) || 0;
    } catch {
      offset = 0;
    }
    return Date.now() + offset;
  };
}
