// The PRP model: the front-matter fields Lanes understands (DESIGN §4), each with the zod schema
// that validates it and the words an error uses to say what was expected. Types come from the schemas.
import * as z from "zod";
import { RoleNameSchema } from "../domain/role-names.js";
import { normalizePriority, PRIORITIES, PrioritySchema } from "../domain/priority.js";

/** Lists may be written as one value, a YAML list, or a comma-separated string. */
export const toList = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (typeof value === "string")
    return value
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  return value === undefined || value === null ? [] : [value];
};
const toLines = (value: unknown): unknown =>
  typeof value === "string"
    ? value
        .split("\n")
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : toList(value);

/** `#12`, `12` and 12 are issue 12; `auth-api` is a backlog id. Normalised to strings without `#` or leading zeros. */
export const DependencyRefSchema = z
  .union([
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .trim()
      .regex(/^#?\d{1,15}$|^[A-Za-z0-9][\w.-]{0,99}$/),
  ])
  .transform((ref) =>
    /^#?\d+$/.test(String(ref)) ? String(Number(String(ref).replace("#", ""))) : String(ref),
  )
  .refine((ref) => ref !== "0");

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const DeadlineSchema = z
  .string()
  .trim()
  .regex(ISO_DATE)
  .refine((text) => {
    const [, y, m, d] = ISO_DATE.exec(text) ?? [];
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return (
      date.getUTCFullYear() === Number(y) &&
      date.getUTCMonth() === Number(m) - 1 &&
      date.getUTCDate() === Number(d)
    );
  });

const nonEmpty = z.string().trim().min(1).max(10_000);
/** Text whose length limit is PRP_LIMITS' (checked by check-limits.ts, which names the limit). */
const someText = z.string().trim().min(1);

/** One step of the scripted stand-in agent (DESIGN §8): it edits files and commits, nothing else. */
export const AgentStepSchema = z.union([
  z.strictObject({ write: nonEmpty, content: z.string() }),
  z.strictObject({ append: nonEmpty, content: z.string() }),
  z.strictObject({ delete: nonEmpty }),
  z.strictObject({ commit: nonEmpty }),
  z.strictObject({ fail: nonEmpty }),
  /** Asks a question (.lanes/blocked): the PRP waits in lanes:waiting until `/lanes say` answers it. */
  z.strictObject({ ask: nonEmpty }),
  /** Finishes the lane: the text goes to .lanes/done and becomes the PR body (naming each criterion's test). */
  z.strictObject({ done: nonEmpty }),
]);
export type AgentStep = z.infer<typeof AgentStepSchema>;

/** Our front-matter keys, with the schema for each, what an error says was expected and the words a typo is matched against. */
export const FIELDS = {
  title: { schema: someText, expected: "a non-empty title" },
  role: {
    schema: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .trim()
              .toLowerCase()
              .replace(/[\s-]+/g, "_")
          : v,
      RoleNameSchema,
    ),
    expected: `one of the roles ${RoleNameSchema.options.join(", ")}`,
    choices: RoleNameSchema.options,
  },
  priority: {
    schema: z.preprocess((v) => normalizePriority(v) ?? v, PrioritySchema),
    expected: "critical, high, medium or low (P0–P3 accepted)",
    choices: PRIORITIES,
  },
  depends_on: {
    schema: z.preprocess(toList, z.array(DependencyRefSchema)),
    expected: "issue numbers (12 or #12) or backlog ids (auth-api), one or a list",
  },
  paths: {
    schema: z.preprocess(toList, z.array(someText)),
    expected: "path globs (src/api/**), one or a list",
  },
  validation: {
    schema: z.preprocess(toLines, z.array(someText)),
    expected: "shell commands, one or a list",
  },
  timeout_minutes: {
    schema: z.preprocess(
      (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
      z.number().int().min(1).max(10_080),
    ),
    expected: "a whole number of minutes from 1 to 10080",
  },
  model: { schema: z.string().trim().min(1).max(200), expected: "a model name (sonnet, opus, …)" },
  deadline: { schema: DeadlineSchema, expected: "a date like 2026-12-15" },
  agent_script: {
    schema: z.array(AgentStepSchema).max(1000),
    expected:
      "a list of steps {write, content} | {append, content} | {delete} | {commit} | {fail} | {ask} | {done}",
  },
} as const;
export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** Other spellings of our keys (after lower-casing and snake-casing): accepted silently. */
export const KEY_ALIASES: Readonly<Record<string, FieldName>> = {
  depends: "depends_on",
  deps: "depends_on",
  dependencies: "depends_on",
  depends_upon: "depends_on",
  path: "paths",
  validate: "validation",
  validation_commands: "validation",
  timeout: "timeout_minutes",
  timeout_mins: "timeout_minutes",
  due: "deadline",
  due_date: "deadline",
  prio: "priority",
  agent: "role",
};

/** Keys other PRP tools write: kept as metadata, never mistaken for typos of ours. */
export const KNOWN_FOREIGN_KEYS: readonly string[] = [
  "name",
  "description",
  "status",
  "prp_id",
  "id",
  "created",
  "created_date",
  "created_at",
  "updated",
  "updated_at",
  "last_updated",
  "updated_by",
  "author",
  "authors",
  "owner",
  "tags",
  "labels",
  "version",
  "type",
  "category",
  "estimate",
  "story_points",
  "confidence",
  "confidence_score",
  "context_sync",
  "date",
  "milestone",
  "assignee",
  "assignees",
  "epic",
  "sprint",
  "complexity",
  "effort",
  "task_reference",
  "goal",
];

export const ParseIssueSchema = z.object({
  field: z.string(),
  line: z.number().int().min(1),
  message: z.string(),
});
export type ParseIssue = z.infer<typeof ParseIssueSchema>;

export const CriterionSchema = z.object({
  text: z.string(),
  checked: z.boolean(),
  line: z.number().int().min(1),
});
export const SectionSchema = z.object({
  heading: z.string(),
  level: z.number().int().min(1).max(6),
  line: z.number().int().min(1),
  body: z.string(),
});
export const PrpFormatSchema = z.enum(["front-matter", "unfenced", "table", "plain"]);

export const PrpSchema = z.object({
  title: z.string(),
  role: RoleNameSchema.optional(),
  priority: PrioritySchema,
  dependsOn: z.array(z.string()),
  paths: z.array(z.string()),
  validation: z.array(z.string()),
  timeoutMinutes: z.number().int().optional(),
  model: z.string().optional(),
  deadline: z.string().optional(),
  agentScript: z.array(AgentStepSchema).optional(),
  criteria: z.array(CriterionSchema),
  sections: z.array(SectionSchema),
  body: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  source: z.object({ format: PrpFormatSchema, file: z.string().optional() }),
  warnings: z.array(ParseIssueSchema),
});
export type Prp = z.infer<typeof PrpSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type PrpFormat = z.infer<typeof PrpFormatSchema>;

export const ParseResultSchema = z.object({
  ok: z.boolean(),
  prp: PrpSchema.optional(),
  errors: z.array(ParseIssueSchema),
  warnings: z.array(ParseIssueSchema),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;
