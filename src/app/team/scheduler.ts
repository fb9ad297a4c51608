// Fires the App's delayed jobs: for every repository with timers, claims the ones due (atomically, so each
// fires on exactly one of any number of `lanes serve` replicas) and hands each to `fire`. It sleeps until the
// earliest timer is due (at most `maxSleepMs`, so timers other replicas add are seen); it is not a poll of
// PRP state. A firing that throws is tried again a minute later; the scheduler itself never throws.
import { errorMessage } from "../../errors.js";
import type { Logger } from "../../observe/logger.js";
import type { Clock } from "../../state/index.js";
import type { RepoDeps } from "../repo-deps.js";
import { TimerSchema, type Timer } from "./timers.js";

export interface SchedulerOptions {
  /** The repositories that have timers, each with its ports. */
  targets(): Promise<RepoDeps[]>;
  fire(deps: RepoDeps, timer: Timer): Promise<void>;
  log: Logger;
  clock: Clock;
  maxSleepMs?: number;
  retryMs?: number;
}

export interface Scheduler {
  /** Fires every timer due now; returns how many fired. */
  runDue(): Promise<number>;
  start(): void;
  /** Stops sleeping and waits for a pass in progress. */
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { log, clock } = options;
  const maxSleepMs = options.maxSleepMs ?? 30_000;
  const retryMs = options.retryMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let pass: Promise<unknown> = Promise.resolve();

  async function fireOne(deps: RepoDeps, id: string, payload: string): Promise<boolean> {
    const parsed = TimerSchema.safeParse(JSON.parse(payload || "null"));
    if (!parsed.success) {
      deps.log.warn({ timer: id }, "timer with an unreadable payload: dropped");
      return false;
    }
    try {
      await options.fire(deps, parsed.data);
      return true;
    } catch (error) {
      deps.log.warn({ timer: id, err: errorMessage(error) }, "timer failed; trying again");
      await deps.store.setTimer(id, clock.now() + retryMs, payload).catch(() => undefined);
      return false;
    }
  }

  async function runDue(): Promise<number> {
    let fired = 0;
    for (const deps of await options.targets()) {
      for (;;) {
        const due = await deps.store.claimDueTimers(50);
        for (const t of due) if (await fireOne(deps, t.id, t.payload)) fired += 1;
        if (due.length < 50) break;
      }
    }
    return fired;
  }

  async function nextWake(): Promise<number> {
    let next = clock.now() + maxSleepMs;
    for (const deps of await options.targets()) {
      const at = await deps.store.nextTimerAt();
      if (at !== null) next = Math.min(next, at);
    }
    return Math.max(0, next - clock.now());
  }

  const tick = () => {
    pass = runDue()
      .then(nextWake)
      .catch((error: unknown) => {
        log.warn({ err: errorMessage(error) }, "scheduler pass failed; trying again");
        return maxSleepMs;
      })
      .then((sleepMs) => {
        if (!stopped) timer = setTimeout(tick, sleepMs);
      });
  };

  return {
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
