// Tokens and cost per lane, as the supervisor last counted them from the agent's transcript: one hash
// per repository (field = lane id), read by the App's /metrics and summed per role there; and the baseline
// the daily standup counts its period's spend from.
import * as z from "zod";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

export const UsageTotalsSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheRead: z.number().nonnegative(),
  cacheWrite: z.number().nonnegative(),
  tokens: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type UsageTotals = z.infer<typeof UsageTotalsSchema>;

export const LaneUsageEntrySchema = UsageTotalsSchema.extend({ role: z.string() });
export type LaneUsageEntry = z.infer<typeof LaneUsageEntrySchema>;

/** Every lane's tokens and cost at one moment: the standup counts the spend of its period from it. */
export const UsageBaselineSchema = z.object({
  at: z.number(),
  lanes: z.record(z.string(), z.object({ tokens: z.number(), costUsd: z.number() })),
});
export type UsageBaseline = z.infer<typeof UsageBaselineSchema>;

export function makeLaneUsage(core: StoreCore) {
  const key = `${core.prefix}lane-usage`;
  const baselineKey = `${core.prefix}lane-usage-baseline`;
  return {
    /** Replaces the lane's totals (they only grow; a re-sent value is harmless). */
    async recordLaneUsage(lane: string, entry: LaneUsageEntry): Promise<void> {
      const valid = LaneUsageEntrySchema.parse(entry);
      await core.call("HSET", () => core.redis.hset(key, lane, JSON.stringify(valid)));
    },
    async laneUsage(): Promise<Map<string, LaneUsageEntry>> {
      const hash = await core.call("HGETALL", () => core.redis.hgetall(key));
      const entries = new Map<string, LaneUsageEntry>();
      for (const [lane, value] of Object.entries(hash)) {
        const parsed = LaneUsageEntrySchema.safeParse(JSON.parse(value));
        if (!parsed.success)
          throw new StateError(`lane usage of ${lane} is corrupt: ${parsed.error.message}`);
        entries.set(lane, parsed.data);
      }
      return entries;
    },
    /** The baseline the last posted standup saved, or null before the first. */
    async usageBaseline(): Promise<UsageBaseline | null> {
      const raw = await core.call("GET", () => core.redis.get(baselineKey));
      if (raw === null) return null;
      const parsed = UsageBaselineSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new StateError(`the usage baseline is corrupt: ${parsed.error.message}`);
      return parsed.data;
    },
    async saveUsageBaseline(baseline: UsageBaseline): Promise<void> {
      const valid = UsageBaselineSchema.parse(baseline);
      await core.call("SET", () => core.redis.set(baselineKey, JSON.stringify(valid)));
    },
  };
}
