// `lanes integrate`'s options: the zod schema commander's values are checked against, the combinations
// it refuses, and the base as GitHub names it. Never reads the repository or the network.
import * as z from "zod";
import { UsageError } from "../../errors.js";
import { isRedisUrl, REDIS_URL_FORM } from "../../text/redis-url.js";

const OptionsSchema = z.object({
  repo: z.string().optional(),
  base: z.string().min(1),
  branches: z.string().optional(),
  ready: z.boolean().optional(),
  stack: z.string().min(1).optional(),
  push: z.boolean().optional(),
  validate: z.array(z.string().min(1)).default([]),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
    .optional(),
  validateTimeout: z.coerce.number().positive().optional(),
  backlog: z.string().min(1).optional(),
  openPr: z.boolean().optional(),
  githubRepo: z.string().optional(),
  remote: z.string().min(1).default("origin"),
  redis: z.string().refine(isRedisUrl, `expected ${REDIS_URL_FORM}`).optional(),
  maxResolveAttempts: z.coerce.number().int().positive().default(2),
});

export type IntegrateOptions = z.infer<typeof OptionsSchema>;

/** Commander's values checked: a wrong value or combination is a UsageError naming the option. */
export function parseIntegrateOptions(raw: unknown): IntegrateOptions {
  const parsed = OptionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `invalid option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  const opts = parsed.data;
  checkUsage(opts);
  return opts;
}

function checkUsage(opts: IntegrateOptions): void {
  if (opts.ready && opts.branches !== undefined) throw new UsageError("give --branches or --ready, not both");
  if (!opts.ready && opts.branches === undefined)
    throw new UsageError(
      "name the lanes with --branches lanes/developer/12-api,… or take every lane whose gates passed with --ready",
    );
  if (opts.ready && !opts.githubRepo && !opts.stack)
    throw new UsageError(
      "--ready reads gate results from GitHub (--github-repo OWNER/REPO) or a local stack (--stack NAME)",
    );
  if (opts.stack && !opts.ready) throw new UsageError("--stack is for --ready");
}

/** Integrating onto a remote-tracking ref (origin/main) targets that remote's branch (main) on GitHub. */
export function baseOnGitHub(base: string, remote: string): string {
  return base.startsWith(`${remote}/`) ? base.slice(remote.length + 1) : base;
}
