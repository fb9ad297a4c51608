// What the App remembers per PRP for its status comment and for unblocking dependents: facts (role, deps,
// job, branch, PR, gates, the comment's id), the last events, and who waits on whom. Working memory only:
// the status comment on GitHub shows the same facts, and `lanes reconcile` rebuilds them.
import * as z from "zod";
import { UsageTotalsSchema } from "./lane-usage.js";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

export const PrpErrorSchema = z.object({
  field: z.string(),
  line: z.number().nullable(),
  message: z.string(),
});

export const PrpRecordSchema = z
  .object({
    title: z.string(),
    role: z.string(),
    priority: z.string(),
    /** Every dependency, by issue number. */
    deps: z.array(z.number().int().positive()),
    /** The dependencies still open when it was last checked. */
    waitingOn: z.array(z.number().int().positive()),
    jobId: z.string(),
    branch: z.string(),
    pr: z.string(),
    attempts: z.number().int().nonnegative(),
    gates: z.record(z.string(), z.string()),
    errors: z.array(PrpErrorSchema),
    note: z.string(),
    /** Why the agent last died (not-logged-in, no-network, usage-limit, crash) and its pane's last lines. */
    cause: z.string(),
    lastLines: z.string(),
    /** When a paused lane resumes (ms since the epoch). */
    pausedUntil: z.number(),
    /** What the agent asks while the PRP is waiting (shown quoted in the status comment). */
    question: z.string(),
    /** The last `/lanes handoff` record (YAML). */
    handoff: z.string(),
    commentId: z.number().int().positive(),
    /** Open SLA / deadline flags by kind (`sla-claim`, `sla-pr`, `at-risk`, `overdue`), each a sentence. */
    flags: z.record(z.string(), z.string()),
    /** Required reviewers: the owners of the paths its PR touches. */
    reviewers: z.array(z.string()),
    /** The one comment that mentions its owners about its alerts. */
    alertCommentId: z.number().int().positive(),
    /** Tokens and cost the PRP's lanes spent so far (from the supervisor). */
    usage: UsageTotalsSchema,
  })
  .partial();
export type PrpRecord = z.infer<typeof PrpRecordSchema>;

export interface PrpEventEntry {
  at: number;
  text: string;
}

const EVENTS_KEPT = 10;
const EventSchema = z.object({ at: z.number(), text: z.string() });

export function makePrpRecords(ctx: StoreCore) {
  const key = (issue: number) => `${ctx.prefix}prp:${issue}`;
  const eventsKey = (issue: number) => `${ctx.prefix}prp-events:${issue}`;
  const dependentsKey = (issue: number) => `${ctx.prefix}dependents:${issue}`;

  async function readPrpRecord(issue: number): Promise<PrpRecord> {
    const hash = await ctx.call("HGETALL", () => ctx.redis.hgetall(key(issue)));
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(hash)) {
      try {
        fields[name] = JSON.parse(value);
      } catch {
        throw new StateError(`PRP record #${issue}: field ${name} is not JSON`);
      }
    }
    const parsed = PrpRecordSchema.safeParse(fields);
    if (!parsed.success) throw new StateError(`PRP record #${issue} is corrupt: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    readPrpRecord,
    /** Sets the given fields (each independently, so writers of different fields never overwrite each other). */
    async patchPrpRecord(issue: number, patch: PrpRecord): Promise<void> {
      const valid = PrpRecordSchema.parse(patch);
      const pairs = Object.entries(valid).flatMap(([name, value]) => [name, JSON.stringify(value)]);
      if (pairs.length > 0) await ctx.call("HSET", () => ctx.redis.hset(key(issue), ...pairs));
    },
    async clearPrpFields(issue: number, names: readonly (keyof PrpRecord)[]): Promise<void> {
      if (names.length > 0) await ctx.call("HDEL", () => ctx.redis.hdel(key(issue), ...names));
    },
    /** Appends to the PRP's recent events (the last ten are kept). */
    async addPrpEvent(issue: number, text: string): Promise<void> {
      const entry = JSON.stringify({ at: ctx.clock.now(), text: text.slice(0, 300) });
      await ctx.call("LPUSH", async () => {
        await ctx.redis
          .multi()
          .lpush(eventsKey(issue), entry)
          .ltrim(eventsKey(issue), 0, EVENTS_KEPT - 1)
          .exec();
      });
    },
    /** Recent events, oldest first. */
    async prpEvents(issue: number): Promise<PrpEventEntry[]> {
      const raw = await ctx.call("LRANGE", () => ctx.redis.lrange(eventsKey(issue), 0, EVENTS_KEPT - 1));
      return raw
        .map((text) => EventSchema.safeParse(JSON.parse(text)))
        .flatMap((r) => (r.success ? [r.data] : []))
        .reverse();
    },
    /** Records that `issue` waits on each of `deps` (replacing what it waited on before). */
    async setWaitingOn(issue: number, before: readonly number[], deps: readonly number[]): Promise<void> {
      await ctx.call("MULTI", async () => {
        const multi = ctx.redis.multi();
        for (const dep of before) multi.srem(dependentsKey(dep), String(issue));
        for (const dep of deps) multi.sadd(dependentsKey(dep), String(issue));
        await multi.exec();
      });
    },
    /** The PRPs that waited on `issue` when they were last checked. */
    async dependentsOf(issue: number): Promise<number[]> {
      const members = await ctx.call("SMEMBERS", () => ctx.redis.smembers(dependentsKey(issue)));
      return members
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
        .sort((a, b) => a - b);
    },
  };
}
