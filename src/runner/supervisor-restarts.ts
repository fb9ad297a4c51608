// The stack's record of supervisor restarts (one JSON line each), written by the keeper that restarts
// it and read by `stack status`; the restarted supervisor also puts each one on the audit stream.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import type { StackPaths } from "./stack-paths.js";

export const SupervisorRestartSchema = z.object({
  /** When the keeper restarted it (ms). */
  at: z.number(),
  /** When the keeper found it dead (ms); `at - foundDeadAt` is the backoff it waited. */
  foundDeadAt: z.number(),
  reason: z.string().max(300),
  /** How long the supervisor that died had been running (ms), when known. */
  uptimeMs: z.number().optional(),
});
export type SupervisorRestart = z.infer<typeof SupervisorRestartSchema>;

export function restartsFile(paths: StackPaths): string {
  return join(paths.dir, "supervisor-restarts.jsonl");
}

/** Set by the keeper in the restarted supervisor's environment: the reason, for the audit stream. */
export const RESTART_REASON_ENV = "LANES_SUPERVISOR_RESTART";

/** A supervisor that ran at least this long before it died restarts at once (no crash loop). */
export const HEALTHY_UPTIME_MS = 30_000;

/**
 * The wait before restart number `streak` of a crash loop (restarts in a row whose supervisor ran
 * less than HEALTHY_UPTIME_MS): none for the first, then 1, 2, 4 … seconds, at most a minute.
 */
export function restartDelayMs(streak: number): number {
  return streak <= 0 ? 0 : Math.min(60_000, 1_000 * 2 ** (streak - 1));
}

export async function appendSupervisorRestart(paths: StackPaths, restart: SupervisorRestart): Promise<void> {
  const file = restartsFile(paths);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(SupervisorRestartSchema.parse(restart))}\n`);
}

export async function readSupervisorRestarts(paths: StackPaths): Promise<SupervisorRestart[]> {
  const file = restartsFile(paths);
  if (!existsSync(file)) return [];
  return (await readFile(file, "utf8")).split("\n").flatMap((line) => {
    if (line.trim() === "") return [];
    try {
      const parsed = SupervisorRestartSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
