// Budgets from lanes.yml: a lane whose tokens or cost pass its cap, or a stack whose spend today
// passes the daily cap, is paused with the reason, as a usage limit pauses it. Pure: no I/O.
import type { Budgets, Cap } from "../config/usage-schema.js";
import type { Spend } from "./transcript-usage.js";

export interface BudgetPause {
  reason: string;
  /** When the daily cap resets (next UTC midnight, plus two minutes); none for a lane's own cap. */
  until?: number;
}

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

const usd = (amount: number): string => `$${amount.toFixed(amount < 1 ? 4 : 2)}`;

function over(spend: Spend, cap: Cap): string | undefined {
  if (cap.tokens !== undefined && spend.tokens >= cap.tokens)
    return `${spend.tokens} tokens of ${cap.tokens}`;
  if (cap.cost_usd !== undefined && spend.costUsd >= cap.cost_usd)
    return `${usd(spend.costUsd)} of ${usd(cap.cost_usd)}`;
  return undefined;
}

/** Whether to pause a lane given its own spend and the stack's spend today (this lane included). */
export function budgetPause(
  lane: Spend,
  today: Spend,
  budgets: Budgets,
  now: number,
): BudgetPause | undefined {
  const laneOver = over(lane, budgets.lane);
  if (laneOver) return { reason: `budget: this lane used ${laneOver} (budgets.lane in lanes.yml)` };
  const dayOver = over(today, budgets.day);
  if (dayOver) {
    const midnight = Date.parse(`${utcDay(now)}T00:00:00Z`) + 24 * 3_600_000;
    return {
      reason: `budget: the stack used ${dayOver} today (budgets.day in lanes.yml); resumes after midnight UTC`,
      until: midnight + 2 * 60_000,
    };
  }
  return undefined;
}
