// Runs the reaper on an interval: lease expiry is the one thing no event announces (DESIGN §1.2 fallback).
// A failed pass is logged and the next one runs; the reaper never throws out of its timer.
import { errorMessage } from "../errors.js";
import type { Logger } from "../observe/logger.js";
import type { ReapResult } from "./read-ops.js";

export interface Reaper {
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

export interface ReaperOptions {
  intervalMs: number;
  log: Logger;
}

export function startReaper(store: { reap(): Promise<ReapResult> }, options: ReaperOptions): Reaper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();

  const tick = () => {
    pass = store
      .reap()
      .then(
        () => undefined,
        (error: unknown) =>
          options.log.warn({ err: errorMessage(error) }, "reaper pass failed; trying again next interval"),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, options.intervalMs);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
