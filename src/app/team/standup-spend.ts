// Tokens and cost for the standup: the lanes' totals (Redis `lane-usage`, as the supervisors count them) minus
// the baseline the last posted standup saved, per role and in total. Before the first standup the period is
// everything so far. A lane's totals only grow, so a smaller value (a lane recounted) counts as nothing.
import type { LaneUsageEntry, StateStore, UsageBaseline } from "../../state/index.js";

export interface Spend {
  tokens: number;
  costUsd: number;
}

export interface StandupSpend {
  /** Start of the period: the last standup's baseline, or null (everything so far). */
  since: number | null;
  total: Spend;
  /** Roles by cost, highest first; roles that spent nothing are left out. */
  byRole: (Spend & { role: string })[];
}

type SpendStore = Pick<StateStore, "laneUsage" | "usageBaseline">;

const cents = (usd: number) => Math.round(usd * 1e6) / 1e6;

/** The spend since `baseline` of the lanes in `usage`. Pure. */
export function spendSince(
  usage: ReadonlyMap<string, LaneUsageEntry>,
  baseline: UsageBaseline | null,
): StandupSpend {
  const roles = new Map<string, Spend>();
  const total: Spend = { tokens: 0, costUsd: 0 };
  for (const [lane, entry] of usage) {
    const before = baseline?.lanes[lane];
    const tokens = Math.max(0, entry.tokens - (before?.tokens ?? 0));
    const costUsd = Math.max(0, entry.costUsd - (before?.costUsd ?? 0));
    if (tokens === 0 && costUsd === 0) continue;
    const role = roles.get(entry.role) ?? { tokens: 0, costUsd: 0 };
    role.tokens += tokens;
    role.costUsd = cents(role.costUsd + costUsd);
    roles.set(entry.role, role);
    total.tokens += tokens;
    total.costUsd = cents(total.costUsd + costUsd);
  }
  return {
    since: baseline?.at ?? null,
    total,
    byRole: [...roles]
      .map(([role, spend]) => ({ role, ...spend }))
      .sort((a, b) => b.costUsd - a.costUsd || b.tokens - a.tokens || a.role.localeCompare(b.role)),
  };
}

export async function collectSpend(store: SpendStore): Promise<StandupSpend> {
  return spendSince(await store.laneUsage(), await store.usageBaseline());
}

/** The baseline of the next period: every lane's totals in `usage`, read at `at`. Pure. */
export function baselineOf(usage: ReadonlyMap<string, LaneUsageEntry>, at: number): UsageBaseline {
  const lanes: UsageBaseline["lanes"] = {};
  for (const [lane, entry] of usage) lanes[lane] = { tokens: entry.tokens, costUsd: entry.costUsd };
  return { at, lanes };
}
