// How often and how soon a failed or abandoned job runs again before a human has to look at it.
import * as z from "zod";

export const RetryPolicySchema = z.object({
  /** Delay before retry 1, 2, 3 …; the last entry repeats if maxAttempts allows more retries. */
  backoffMs: z.array(z.number().int().nonnegative()).min(1).default([5_000, 15_000, 30_000]),
  /** Total runs a job gets; the failure of the last one moves it to needs-human. */
  maxAttempts: z.number().int().min(1).max(100).default(4),
});

export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = RetryPolicySchema.parse({});
