// Applies an integration plan: merges the lanes in order (merge-tree, one merge commit per lane), validates the
// combination in a temporary worktree, bisects to the culprit when it fails and rebuilds without it,
// then points lanes/integration/<date> at the result. Never touches the user's checkout.
import type { GitRepo } from "../git/git-repo.js";
import type { Git } from "../git/run-git.js";
import { updateBranch } from "../git/refs.js";
import { silentLogger, type Logger } from "../observe/logger.js";
import { bisect } from "./bisect.js";
import { mergeSequence, type MergeSequence } from "./merge-sequence.js";
import type { IntegrationPlan, SkippedLane } from "./plan-integration.js";
import { requeueRequests, type Culprit } from "./requeue-requests.js";
import type { RequeueRequest } from "./resolve-job.js";
import { worktreeValidator, type CommandResult, type Validator } from "./validate-commit.js";

export interface ApplyOptions {
  git?: Git;
  env?: NodeJS.ProcessEnv;
  /** Replaces the worktree validator built from `plan.validate`. */
  validator?: Validator;
  validationTimeoutMs?: number;
  /** How many culprits to remove before giving up on a failing combination. */
  maxCulprits?: number;
  /** Resolve attempts per lane before it goes to needs-human. */
  maxResolveAttempts?: number;
  log?: Logger;
  /** Told as the work moves on (for the CLI's progress view): merged, validating, bisecting. */
  onStep?: (step: "merged" | "validating" | "bisecting", detail: string) => void;
}

export interface IntegrationResult {
  base: string;
  baseCommit: string;
  /** The branch written, or null when nothing was merged or the combination still fails validation. */
  branch: string | null;
  commit: string;
  order: string[];
  merged: string[];
  conflicts: { branch: string; files: string[]; with: string[] }[];
  skipped: SkippedLane[];
  culprits: Culprit[];
  /** The validation of the final combination (empty when none ran). */
  validation: CommandResult[];
  /** True when validation fails on the base itself, so no lane could be blamed. */
  baseFailsValidation: boolean;
  lanes: { branch: string; id: string; role?: string; title?: string; commit: string }[];
  requeue: RequeueRequest[];
  ok: boolean;
}

export async function applyIntegration(
  plan: IntegrationPlan,
  options: ApplyOptions = {},
): Promise<IntegrationResult> {
  const repo: GitRepo = { dir: plan.dir, git: options.git, env: options.env };
  const log = options.log ?? silentLogger();
  const validator =
    options.validator ??
    (plan.validate.length > 0
      ? worktreeValidator(repo, plan.validate, {
          timeoutMs: options.validationTimeoutMs,
          env: options.env && { ...process.env, ...options.env },
        })
      : undefined);
  const build = (excluded: ReadonlySet<string>) =>
    mergeSequence(repo, { ...plan, lanes: plan.order.filter((l) => !excluded.has(l.branch)) });

  const excluded = new Set<string>();
  const culprits: Culprit[] = [];
  let sequence: MergeSequence = await build(excluded);
  const merged = () => options.onStep?.("merged", `${sequence.steps.length} lane(s) merged`);
  merged();
  let validation: CommandResult[] = [];
  let validationOk = true;
  let baseFailsValidation = false;
  const maxCulprits = options.maxCulprits ?? 3;
  while (validator && sequence.steps.length > 0) {
    options.onStep?.("validating", plan.validate.join("; "));
    const run = await validator(sequence.head);
    validation = run.results;
    validationOk = run.ok;
    if (run.ok || culprits.length >= maxCulprits) break;
    const commits = sequence.steps.map((s) => s.commit);
    options.onStep?.("bisecting", `validation failed on ${commits.length} lane(s); finding the culprit`);
    const found = await bisect(plan.baseCommit, commits, run, validator);
    if (found.kind === "base-fails") {
      baseFailsValidation = true;
      log.warn({ base: plan.base }, "validation fails on the base itself; no lane blamed");
      break;
    }
    const step = sequence.steps[found.index] as (typeof sequence.steps)[number];
    const failed = found.run.results.find((r) => !r.ok) as CommandResult;
    const onto = found.index === 0 ? plan.baseCommit : (commits[found.index - 1] as string);
    culprits.push({
      branch: step.lane.branch,
      reason: `validation "${failed.command}" fails once ${step.lane.branch} is merged, and passes with the lanes before it`,
      output: failed.outputTail,
      onto,
    });
    log.info({ lane: step.lane.branch, validations: found.validations + 1 }, "bisection found the culprit");
    excluded.add(step.lane.branch);
    sequence = await build(excluded);
    merged();
  }

  const written = sequence.steps.length > 0 && validationOk;
  if (written)
    await updateBranch(
      repo,
      plan.branch,
      sequence.head,
      `lanes integrate: ${sequence.steps.length} lanes onto ${plan.base}`,
    );
  const conflicts = sequence.conflicts.map((c) => ({ branch: c.branch, files: c.files, with: c.with }));
  const skipped = [...plan.skipped, ...sequence.skipped];
  const requeue = await requeueRequests(
    repo,
    plan,
    sequence.conflicts,
    culprits,
    options.maxResolveAttempts ?? 2,
  );
  const ok =
    conflicts.length === 0 &&
    culprits.length === 0 &&
    validationOk &&
    !baseFailsValidation &&
    skipped.every((s) => s.kind === "already-merged");
  log.info(
    {
      branch: written ? plan.branch : null,
      merged: sequence.steps.length,
      conflicts: conflicts.length,
      culprits: culprits.length,
    },
    "integration applied",
  );
  return {
    base: plan.base,
    baseCommit: plan.baseCommit,
    branch: written ? plan.branch : null,
    commit: sequence.head,
    order: plan.order.map((l) => l.branch),
    merged: sequence.steps.map((s) => s.lane.branch),
    conflicts,
    skipped,
    culprits,
    validation,
    baseFailsValidation,
    lanes: plan.order.map(({ branch, id, role, title, commit }) => ({ branch, id, role, title, commit })),
    requeue,
    ok,
  };
}
