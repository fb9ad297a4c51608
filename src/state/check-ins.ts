// `/lanes schedule` check-ins: notes to paste into a PRP's lane when they are due, kept in Redis (a sorted
// set per PRP, scored by due time) rather than on the host that applied the command, so a lane taken over
// by another host after its host died still gets them. The lane's holder reads the due ones, pastes each,
// then removes it: at-least-once, like the control channel — only a crash between the paste and the
// removal pastes a note twice; nothing here ever drops one that is not pasted.
import * as z from "zod";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

export const CheckInSchema = z.object({
  /** The command's id: a redelivered `/lanes schedule` adds the same member again, not a second one. */
  id: z.string().min(1),
  /** When it is due (ms since the epoch, on the clock of the supervisor that pastes it). */
  at: z.number(),
  note: z.string().min(1).max(2000),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

/**
 * A PRP's key lives this long after its last check-in was added: `/lanes schedule` reaches at most a week
 * ahead, so a forgotten PRP's key goes away a week after its last note was due. Relative, so no clock is
 * compared with Redis's.
 */
const KEEP_MS = 14 * 24 * 3600_000;

/** The member: the id and the note in a fixed order, so the same command always makes the same member. */
const member = (checkIn: CheckIn) => JSON.stringify({ id: checkIn.id, note: checkIn.note });

function parseMembers(flat: string[]): CheckIn[] {
  const checkIns: CheckIn[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const raw = flat[i] as string;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new StateError(`a check-in in Redis is not JSON: ${raw.slice(0, 100)}`, { cause: error });
    }
    const parsed = CheckInSchema.safeParse({ ...(value as object), at: Number(flat[i + 1]) });
    if (!parsed.success) throw new StateError(`a check-in in Redis is corrupt: ${parsed.error.message}`);
    checkIns.push(parsed.data);
  }
  return checkIns;
}

export function makeCheckIns(core: StoreCore) {
  const { keys } = core;
  return {
    /** Keeps a check-in for the lane of `lane` (the PRP's issue or backlog id) until it is pasted. */
    async scheduleCheckIn(lane: string, checkIn: CheckIn): Promise<void> {
      const valid = CheckInSchema.parse(checkIn);
      const key = keys.checkIns(lane);
      await core.call("ZADD", () =>
        core.redis.multi().zadd(key, valid.at, member(valid)).pexpire(key, KEEP_MS).exec(),
      );
    },
    /** The check-ins due at `now`, earliest first (at most `limit`); they stay until removed. */
    async dueCheckIns(lane: string, now: number, limit = 20): Promise<CheckIn[]> {
      const flat = await core.call("ZRANGEBYSCORE", () =>
        core.redis.zrangebyscore(keys.checkIns(lane), "-inf", now, "WITHSCORES", "LIMIT", 0, limit),
      );
      return parseMembers(flat);
    },
    /** Every check-in still to paste, earliest first. */
    async listCheckIns(lane: string): Promise<CheckIn[]> {
      const flat = await core.call("ZRANGE", () =>
        core.redis.zrange(keys.checkIns(lane), 0, -1, "WITHSCORES"),
      );
      return parseMembers(flat);
    },
    /** A pasted check-in is done; removing it twice is harmless. */
    async removeCheckIn(lane: string, checkIn: CheckIn): Promise<void> {
      await core.call("ZREM", () => core.redis.zrem(keys.checkIns(lane), member(checkIn)));
    },
    /** The lane finished or was cancelled: its check-ins have nobody to reach. */
    async clearCheckIns(lane: string): Promise<void> {
      await core.call("DEL", () => core.redis.del(keys.checkIns(lane)));
    },
  };
}
