// What a job is: the input a caller enqueues, and the record read back from Redis (validated, never trusted).
import * as z from "zod";
import { isRepoName } from "../text/repo-name.js";
import { RoleNameSchema } from "../domain/role-names.js";
import { PrioritySchema } from "../domain/priority.js";
import { PRP_LIMITS } from "../domain/limits.js";
import { CorruptJobError } from "./errors.js";

export const JOB_KINDS = ["build", "resolve", "checkin", "resume"] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JOB_STATES = [
  "queued",
  "delayed",
  "active",
  "paused",
  "needs-human",
  "done",
  "cancelled",
] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

/** An issue number, or a backlog id before the PRP is ingested into an issue. */
export const IssueRefSchema = z.union([z.number().int().positive(), z.string().min(1).max(200)]);
export type IssueRef = z.infer<typeof IssueRefSchema>;

export const JobIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:/@-]{1,200}$/, "job ids use letters, digits and . _ : / @ - (at most 200)");

export const NewJobSchema = z.object({
  id: JobIdSchema.optional(),
  repo: z.string().refine(isRepoName, "expected owner/repo, e.g. octo-org/api"),
  issue: IssueRefSchema,
  role: RoleNameSchema,
  priority: PrioritySchema.default("medium"),
  /** The PRP parser refuses longer titles, so a PRP that lints clean is never refused here. */
  title: z.string().min(1).max(PRP_LIMITS.title),
  kind: JobKindSchema.default("build"),
  payload: z.record(z.string(), z.json()).default({}),
  /** Overrides the store's retry policy for this job. */
  maxAttempts: z.number().int().min(1).max(100).optional(),
});
export type NewJob = z.input<typeof NewJobSchema>;

const optionalNumber = z.coerce.number().optional();
const optionalText = z.string().optional();

export const JobSchema = z.object({
  id: JobIdSchema,
  repo: z.string(),
  issue: IssueRefSchema,
  role: RoleNameSchema,
  priority: PrioritySchema,
  title: z.string(),
  kind: JobKindSchema,
  payload: z.record(z.string(), z.json()),
  state: JobStateSchema,
  attempts: z.coerce.number().int().nonnegative(),
  maxAttempts: z.coerce.number().int().positive(),
  createdAt: z.coerce.number(),
  runAt: optionalNumber,
  lastHost: optionalText,
  lastAgent: optionalText,
  lastError: optionalText,
  leaseHost: optionalText,
  leaseAgent: optionalText,
  leaseUntil: optionalNumber,
  /** A running job whose lane is paused: when it resumes. */
  pausedUntil: optionalNumber,
  finishedAt: optionalNumber,
});
export type Job = z.infer<typeof JobSchema>;

/** Parses the fields of a `job:<id>` hash; `issue` and `payload` are stored as JSON text. */
export function parseJobHash(id: string, hash: Record<string, string>): Job {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hash)) {
    if (value === "") continue;
    if (key === "issue" || key === "payload") {
      try {
        fields[key] = JSON.parse(value);
      } catch {
        throw new CorruptJobError(id, `field ${key} is not JSON`);
      }
    } else fields[key] = value;
  }
  const parsed = JobSchema.safeParse(fields);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new CorruptJobError(id, problems);
  }
  return parsed.data;
}

/** Turns a flat [field, value, …] reply (HGETALL from Lua) into a record. */
export function pairsToRecord(flat: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[flat[i] as string] = flat[i + 1] as string;
  return record;
}
