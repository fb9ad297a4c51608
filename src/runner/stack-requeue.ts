// `stack up` / `stack resume` and the jobs that wait for a human (attempts used up, a push that never
// went through): listed so the user knows, and run again with fresh attempts when `--requeue` says so.
import type { Logger } from "../observe/logger.js";
import { openStateStore } from "../state/index.js";
import type { StackRecord } from "./stack-record.js";

export interface NeedsHuman {
  /** Jobs run again (with `--requeue`). */
  requeued: string[];
  /** Jobs still waiting for a human (without `--requeue`). */
  waiting: string[];
}

export async function requeueNeedsHuman(
  record: Pick<StackRecord, "redisUrl" | "prefix">,
  requeue: boolean,
  log: Logger,
): Promise<NeedsHuman> {
  const store = await openStateStore({ url: record.redisUrl, prefix: record.prefix, log });
  try {
    const jobs = await store.listJobs({ state: "needs-human" });
    const result: NeedsHuman = { requeued: [], waiting: [] };
    for (const job of jobs) {
      if (requeue && (await store.retryNow(job.id))) result.requeued.push(job.id);
      else result.waiting.push(job.id);
    }
    return result;
  } finally {
    await store.quit();
  }
}

/** One line for `stack up` / `stack resume`, or none when no job waits. */
export function needsHumanNote(result: NeedsHuman): string[] {
  return [
    ...(result.requeued.length > 0
      ? [`requeued ${result.requeued.length} job(s) that waited for a human: ${result.requeued.join(", ")}`]
      : []),
    ...(result.waiting.length > 0
      ? [
          `${result.waiting.length} job(s) wait for a human: ${result.waiting.join(", ")}; --requeue runs them again`,
        ]
      : []),
  ];
}
