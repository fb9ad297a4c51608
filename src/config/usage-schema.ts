// The `.github/lanes.yml` sections for what agents may do and spend: permission rules per role, the
// runner's sandbox flag, the model price table and token / cost budgets.
import * as z from "zod";

const RuleSchema = z
  .string()
  .regex(
    /^[A-Za-z][\w-]*(\(.+\))?$/,
    'expected a Claude Code permission rule such as "Edit", "Bash(npm test)" or "Read(//srv/data/**)"',
  );

export const PermissionRulesSchema = z.strictObject({
  /** Rules the agent may use without asking (added to Lanes' defaults). */
  allow: z.array(RuleSchema).default([]),
  /** Rules the agent may never use; a deny wins over any allow. */
  deny: z.array(RuleSchema).default([]),
});
export type PermissionRules = z.infer<typeof PermissionRulesSchema>;

export const RunnerSchema = z.strictObject({
  /**
   * The runner host is a disposable sandbox (a container or VM with nothing to lose and no
   * credentials beyond the agent's): agents then run with `bypassPermissions`, no rule applies.
   */
  sandboxed: z.boolean().default(false),
});

const perMillion = z.number().min(0);

export const PriceSchema = z.strictObject({
  /** USD per million tokens. */
  input: perMillion,
  output: perMillion,
  cache_read: perMillion,
  cache_write: perMillion,
});
export type Price = z.infer<typeof PriceSchema>;

/**
 * USD per million tokens, matched against a transcript's model id by the longest key it contains.
 * Anthropic's list prices for 5-minute cache writes; override or extend them in `lanes.yml`.
 */
export const DEFAULT_PRICES: Record<string, Price> = {
  opus: { input: 5, output: 25, cache_read: 0.5, cache_write: 6.25 },
  "claude-opus-4-1": { input: 15, output: 75, cache_read: 1.5, cache_write: 18.75 },
  "claude-opus-4-2025": { input: 15, output: 75, cache_read: 1.5, cache_write: 18.75 },
  sonnet: { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 },
  haiku: { input: 1, output: 5, cache_read: 0.1, cache_write: 1.25 },
};

const CapSchema = z.strictObject({
  /** Input, output, cache read and cache write tokens together. */
  tokens: z.number().int().positive().optional(),
  cost_usd: z.number().positive().optional(),
});
export type Cap = z.infer<typeof CapSchema>;

export const BudgetsSchema = z.strictObject({
  /** Per lane (one PRP's agent, across restarts). */
  lane: CapSchema.prefault({}),
  /** Per UTC day, all lanes of the stack together. */
  day: CapSchema.prefault({}),
});
export type Budgets = z.infer<typeof BudgetsSchema>;
