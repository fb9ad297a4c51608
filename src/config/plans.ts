// Claude plans and how many agents each sustains (multi-agent teams use ~15x the tokens of one user).
import * as z from "zod";

export const PLANS = ["pro", "max5x", "max20x", "console"] as const;
export const PlanSchema = z.enum(PLANS);
export type Plan = z.infer<typeof PlanSchema>;

/** Maximum agents per plan; null means no cap (console: every role the template offers, 10 or more). */
export const PLAN_MAX_AGENTS: Record<Plan, number | null> = {
  pro: 3,
  max5x: 5,
  max20x: 8,
  console: null,
};

export function describePlanLimit(plan: Plan): string {
  const max = PLAN_MAX_AGENTS[plan];
  return max === null ? "no cap (10+ agents)" : `up to ${max} agents`;
}
