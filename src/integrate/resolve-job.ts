// The resolve job: what an agent needs to fix a lane that conflicted or broke validation in the
// integration (files, both sides' commits, the PRPs, the failure as context), or the escalation to a
// human once the configured attempts are used up. Validated by zod because it travels through Redis.
import * as z from "zod";

const CommitSideSchema = z.object({
  branch: z.string(),
  prpId: z.string().optional(),
  title: z.string().optional(),
  commit: z.string(),
  subject: z.string(),
});
export type CommitSide = z.infer<typeof CommitSideSchema>;

export const ResolveJobSchema = z.object({
  kind: z.literal("resolve"),
  reason: z.enum(["conflict", "validation"]),
  /** The role whose queue gets the job: the lane's owner, or the integrator for lanes without one. */
  role: z.string(),
  branch: z.string(),
  prpId: z.string(),
  title: z.string().optional(),
  base: z.object({ ref: z.string(), commit: z.string() }),
  integrationBranch: z.string(),
  /** Conflicted files; for a validation failure, the files the lane changed. */
  files: z.array(z.string()),
  /** The lane's tip. */
  theirs: CommitSideSchema,
  /** What it clashed with: the earlier lanes (or the base) on the integration side. */
  ours: z.array(CommitSideSchema),
  /** The conflict messages or the failing validation output, for the agent's prompt. */
  context: z.string(),
  /** This attempt, counting from 1. */
  attempt: z.number().int().positive(),
  maxAttempts: z.number().int().positive(),
});
export type ResolveJob = z.infer<typeof ResolveJobSchema>;

export const RequeueRequestSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("role"), job: ResolveJobSchema }),
  z.object({ target: z.literal("needs-human"), job: ResolveJobSchema, why: z.string() }),
]);
export type RequeueRequest = z.infer<typeof RequeueRequestSchema>;

export interface ResolveJobInput extends Omit<ResolveJob, "kind" | "role" | "attempt" | "maxAttempts"> {
  role: string | undefined;
  /** Resolve attempts this lane already had. */
  previousAttempts: number;
  maxAttempts: number;
}

/** Builds the resolve job; once `maxAttempts` are used up it goes to needs-human instead of a queue. */
export function buildRequeueRequest(input: ResolveJobInput): RequeueRequest {
  const { previousAttempts, role, ...rest } = input;
  const job = ResolveJobSchema.parse({
    ...rest,
    kind: "resolve",
    role: role ?? "integrator",
    attempt: previousAttempts + 1,
  });
  if (job.attempt > job.maxAttempts) {
    const why = `${job.branch} still ${job.reason === "conflict" ? "conflicts" : "fails validation"} after ${previousAttempts} resolve attempts`;
    return { target: "needs-human", job, why };
  }
  return { target: "role", job };
}
