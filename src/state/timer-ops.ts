// Delayed jobs for the scheduler (SLA checks, deadlines, alert retries, the daily standup): set, cancel, and
// an atomic claim of the ones due, so a timer fires once per cluster however many schedulers run.
import type { StoreCore } from "./store-core.js";

export interface DueTimer {
  id: string;
  /** When it was due (ms since the epoch). */
  dueAt: number;
  payload: string;
}

export function makeTimerOps(core: StoreCore) {
  const { keys } = core;
  return {
    /** The store's clock (ms): timers are due by it. */
    now: (): number => core.clock.now(),
    /**
     * Schedules timer `id` at `dueAt` with its payload, replacing one of the same id; with `keep`, a timer
     * already scheduled under `id` is left as it is. Returns whether it was (re)scheduled.
     */
    async setTimer(id: string, dueAt: number, payload: string, options: { keep?: boolean } = {}) {
      const set = await core.script("lanesTimerSet", [
        id,
        Math.floor(dueAt),
        payload,
        options.keep ? "keep" : "",
      ]);
      return Number(set) === 1;
    },
    /** The payload of a scheduled timer, or null when none is scheduled under `id`. */
    async readTimer(id: string): Promise<string | null> {
      return core.call("HGET", () => core.redis.hget(keys.timerData, id));
    },
    async cancelTimer(id: string): Promise<boolean> {
      const [removed] = await core
        .call("ZREM", () => core.redis.multi().zrem(keys.timers, id).hdel(keys.timerData, id).exec())
        .then((replies) => (replies ?? []).map(([, value]) => Number(value)));
      return removed === 1;
    },
    /** Removes and returns up to `limit` timers due now (the store's clock). */
    async claimDueTimers(limit = 100): Promise<DueTimer[]> {
      const flat = (await core.script("lanesTimerClaim", [limit])) as string[];
      const due: DueTimer[] = [];
      for (let i = 0; i + 2 < flat.length; i += 3)
        due.push({ id: flat[i] as string, dueAt: Number(flat[i + 1]), payload: flat[i + 2] as string });
      return due;
    },
    /** When the earliest timer is due, or null when none is scheduled. */
    async nextTimerAt(): Promise<number | null> {
      const [, score] = await core.call("ZRANGE", () => core.redis.zrange(keys.timers, 0, 0, "WITHSCORES"));
      return score === undefined ? null : Number(score);
    },
    /** Remembers a repository that has timers and the installation that acts on it (the App's store). */
    async registerTimerRepo(repo: string, installationId: number): Promise<void> {
      await core.call("HSET", () => core.redis.hset(keys.timerRepos, repo, String(installationId)));
    },
    async timerRepos(): Promise<{ repo: string; installationId: number }[]> {
      const all = await core.call("HGETALL", () => core.redis.hgetall(keys.timerRepos));
      return Object.entries(all).map(([repo, id]) => ({ repo, installationId: Number(id) }));
    },
    /** Sets `key` for `ttlSec` unless it is set: true the first time (de-duplicates alerts). */
    async markOnce(key: string, ttlSec: number): Promise<boolean> {
      const set = await core.call("SET", () => core.redis.set(keys.once(key), "1", "EX", ttlSec, "NX"));
      return set === "OK";
    },
    /** Counts one use of a fixed window of `windowSec`; returns the count in the current window. */
    async countInWindow(name: string, windowSec: number): Promise<number> {
      const window = Math.floor(core.clock.now() / 1000 / windowSec);
      const key = keys.window(`${name}:${window}`);
      const replies = await core.call("INCR", () =>
        core.redis
          .multi()
          .incr(key)
          .expire(key, windowSec * 2)
          .exec(),
      );
      return Number(replies?.[0]?.[1] ?? 0);
    },
  };
}
