// The `.github/lanes.yml` schema. Every object is strict (an unknown key is an error, so a typo is
// never silently ignored) and every field has a default, so an empty file is a complete config.
// Keys that were accepted but never read are refused with a reason (retired-keys.ts). After changing
// this schema run `npm run gen:config-reference` (docs/lanes-yml.md; a test fails when they drift).
import * as z from "zod";
import { ModelSchema } from "./models.js";
import { PlanSchema } from "./plans.js";
import { CommandNameSchema } from "../domain/command-names.js";
import { RoleNameSchema } from "../domain/role-names.js";
import { rolesInIntegrationOrder } from "./roles.js";
import { TEMPLATE_NAMES } from "./templates.js";
import { worktreeRootProblem } from "./worktree-root.js";

/** Characters of `organisation_context`: it is pasted into every lane's brief. */
export const ORGANISATION_CONTEXT_MAX = 20_000;
import {
  BudgetsSchema,
  DEFAULT_PRICES,
  PermissionRulesSchema,
  PriceSchema,
  RunnerSchema,
} from "./usage-schema.js";
import { AlertsSchema, DeploySchema, OwnersSchema, SlaSchema, StandupSchema } from "./team-schema.js";

export const GateModeSchema = z.enum(["required", "optional", "off"]);
export type GateMode = z.infer<typeof GateModeSchema>;

const fraction = z.number().min(0).max(1);
const positiveInt = z.number().int().positive();

const RoleConfigSchema = z.strictObject({
  model: ModelSchema.optional(),
  enabled: z.boolean().default(true),
  /** What this role's agents may do without asking, on top of `permissions` and Lanes' defaults. */
  permissions: PermissionRulesSchema.optional(),
});

const TeamSchema = z.strictObject({
  template: z.enum(["auto", ...TEMPLATE_NAMES]).default("auto"),
  plan: PlanSchema.default("max5x"),
  roles: z.array(RoleNameSchema).min(1).optional(),
});

const BRANCH_PLACEHOLDERS = ["{role}", "{issue}", "{slug}"];

const BranchesSchema = z.strictObject({
  pattern: z
    .string()
    .default("lanes/{role}/{issue}-{slug}")
    .refine(
      (p) => p.includes("{issue}"),
      "expected a pattern containing {issue}, e.g. lanes/{role}/{issue}-{slug}",
    )
    .refine(
      (p) =>
        /^[\w./-]+$/.test(BRANCH_PLACEHOLDERS.reduce((rest, ph) => rest.replaceAll(ph, "x"), p)) &&
        !p.includes(".."),
      "expected only letters, digits, '.', '_', '-', '/' and the placeholders {role}, {issue}, {slug}",
    ),
});

const mode = (fallback: GateMode) => GateModeSchema.default(fallback);

// The six gates of DESIGN §5 / check runs `lanes/<gate>`; a failing optional gate reports neutral.
const GatesSchema = z.strictObject({
  /** Success-criteria coverage: `threshold` is the share of criteria that must have evidence. */
  prp: z.strictObject({ mode: mode("required"), threshold: fraction.default(0.8) }).prefault({}),
  /** Stubs passed off as work: TODO markers, throws that say the code is missing, empty bodies, tests without assertions. */
  placeholders: z.strictObject({ mode: mode("required") }).prefault({}),
  /** Branch naming, changes outside the PRP's paths (`max_foreign_files` tolerated), overlap with other lanes. */
  lane: z
    .strictObject({ mode: mode("optional"), max_foreign_files: z.number().int().min(0).default(0) })
    .prefault({}),
  /** Commit message quality and the commit cadence (`commit_cadence_minutes`). */
  commits: z
    .strictObject({ mode: mode("optional"), max_subject_length: positiveInt.default(72) })
    .prefault({}),
  /** The PRP's validation commands pass in the lane's worktree. */
  validation: z
    .strictObject({ mode: mode("required"), timeout_minutes: positiveInt.default(30) })
    .prefault({}),
  /** Dependencies are merged and the lane merges cleanly onto the base. */
  integration: z.strictObject({ mode: mode("required") }).prefault({}),
});

const IntegrationSchema = z.strictObject({
  order: z
    .array(RoleNameSchema)
    .default(rolesInIntegrationOrder)
    .refine((roles) => new Set(roles).size === roles.length, "expected each role at most once"),
  validation: z.array(z.string().min(1)).default([]),
});

// `/lanes` comment commands: who may run which, and how a refusal looks.
const CommandsSchema = z.strictObject({
  // integrate combines everyone's lanes into one branch and PR, unflag overrules the team's checks: a
  // maintainer's call, like approve and priority
  maintain: z.array(CommandNameSchema).default(["approve", "priority", "integrate", "unflag"]),
  refusal: z.enum(["reply", "silent"]).default("reply"),
});

const RetrySchema = z.strictObject({
  attempts: z.number().int().min(1).max(10).default(3),
});

export const LanesConfigSchema = z.strictObject({
  version: z.literal(1).default(1),
  team: TeamSchema.prefault({}),
  roles: z.partialRecord(RoleNameSchema, RoleConfigSchema).prefault({}),
  /** Role for PRPs whose front matter names none. */
  default_role: RoleNameSchema.default("developer"),
  branches: BranchesSchema.prefault({}),
  gates: GatesSchema.prefault({}),
  integration: IntegrationSchema.prefault({}),
  retry: RetrySchema.prefault({}),
  /** Organisation layer of every agent's CLAUDE.md. */
  organisation_context: z
    .string()
    .max(
      ORGANISATION_CONTEXT_MAX,
      `at most ${ORGANISATION_CONTEXT_MAX} characters: it goes into every lane's brief`,
    )
    .default(""),
  /** Where lane worktrees are created, relative to the repository root unless absolute. */
  worktree_root: z
    .string()
    .min(1)
    .superRefine((root, ctx) => {
      const problem = worktreeRootProblem(root);
      if (problem) ctx.addIssue({ code: "custom", message: `refused: ${problem}` });
    })
    .default(".lanes/worktrees"),
  /** An agent that has not committed for this long is nudged, then its work is committed as WIP. */
  commit_cadence_minutes: positiveInt.default(30),
  /** Permission rules for every role's agents, on top of Lanes' defaults. */
  permissions: PermissionRulesSchema.prefault({}),
  runner: RunnerSchema.prefault({}),
  /** USD per million tokens by model; entries here replace or add to Lanes' table. */
  prices: z
    .record(z.string().min(1), PriceSchema)
    .default({})
    .transform((own) => ({ ...DEFAULT_PRICES, ...own })),
  budgets: BudgetsSchema.prefault({}),
  sla: SlaSchema.prefault({}),
  owners: OwnersSchema.default({}),
  alerts: AlertsSchema.prefault({}),
  standup: StandupSchema.prefault({}),
  deploy: DeploySchema.prefault({}),
  commands: CommandsSchema.prefault({}),
});

export type LanesConfig = z.infer<typeof LanesConfigSchema>;
export type LanesConfigInput = z.input<typeof LanesConfigSchema>;
export type RoleConfig = z.infer<typeof RoleConfigSchema>;
