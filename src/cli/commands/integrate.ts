// `lanes integrate`: orders the given lane branches, or with --ready every lane whose required gates
// succeeded (check runs on GitHub, or local gate records of a --stack), merges them onto the base (role order
// and validation from .github/lanes.yml at the base, PRP facts from --backlog), validates the result and
// writes lanes/integration/<date> — never over an existing one unless its open PR is being updated;
// --open-pr pushes it and opens or updates its PR, --push only pushes, --redis requeues resolve jobs.
// `--dry-run` prints the plan and writes nothing.
import type { Command } from "commander";
import * as z from "zod";
import { UsageError } from "../../errors.js";
import type { GitHubPort, RepoRef } from "../../github/github-port.js";
import type { GitRepo } from "../../git/git-repo.js";
import { applyIntegration } from "../../integrate/apply-integration.js";
import type { PrpFacts } from "../../integrate/backlog-lanes.js";
import { readIntegrationSettings } from "../../integrate/integration-settings.js";
import { laneFromBranch } from "../../integrate/lane.js";
import {
  chooseIntegrationTarget,
  integrationChanges,
  type IntegrationTarget,
} from "../../integrate/integration-target.js";
import { integrationBranch, isoDate, planIntegration } from "../../integrate/plan-integration.js";
import type { ReadySet } from "../../integrate/ready-from-github.js";
import type { IntegrationSettings } from "../../integrate/integration-settings.js";
import { isRedisUrl, REDIS_URL_FORM } from "../../text/redis-url.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { PROGRESS_HELP, tracked, withProgress, type Progress } from "../progress/progress.js";
import {
  conflictNextSteps,
  dryRunView,
  renderPlan,
  renderResult,
  type IntegrateOutput,
} from "./integrate-render.js";
import { githubRepoFrom, githubRepoOption, repoFullName, requireGithubRepo } from "./github-repo-option.js";

// What only some runs need (GitHub, Redis, a backlog, a stack, a push) is imported when used: a plain
// `lanes integrate --branches …` loads neither Octokit nor ioredis.
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

type Options = z.infer<typeof OptionsSchema>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerIntegrate(program: Command, ctx: CliDeps): void {
  program
    .command("integrate")
    .description(
      "merge finished lanes in dependency order with git merge-tree, validate, and write lanes/integration/<date>",
    )
    .option("--repo <dir>", "the repository (default: the current directory)")
    .option("--base <ref>", "the branch the lanes are integrated onto", "main")
    .option("--branches <a,b,c>", "the lane branches to integrate, comma-separated")
    .option(
      "--ready",
      "integrate every lane whose required gates succeeded and that nobody holds: open lane PRs on GitHub (--github-repo; /lanes hold), or the lanes of a local --stack (lanes hold)",
    )
    .option(
      "--stack <name>",
      "with --ready: the local stack whose lanes to take (gate results from lanes gate --all --branch; PRPs held with lanes hold are left out)",
    )
    .option("--validate <command>", "a validation command run on the combined result (repeatable)", collect)
    .option("--validate-timeout <seconds>", "time limit per validation command (default 600)")
    .option("--date <yyyy-mm-dd>", "the date in the integration branch name (default: today, UTC)")
    .option(
      "--backlog <dir>",
      "a folder of PRP files: title, priority, dependencies and validation of each lane by the id in its branch",
    )
    .option(
      "--open-pr",
      "push the integration branch and open (or update) its pull request; needs --github-repo and GITHUB_TOKEN",
    )
    .option("--push", "push the integration branch to --remote (no pull request)")
    .addOption(
      githubRepoOption("the GitHub repository for --ready, --open-pr and --redis (API at GITHUB_API_URL)"),
    )
    .option("--remote <name>", "the git remote --open-pr and --push push to", "origin")
    .option("--redis <url>", "send conflicting and culprit lanes back as resolve jobs through this Redis")
    .option("--max-resolve-attempts <n>", "resolve attempts per lane before it goes to needs-human", "2")
    .option("--dry-run", "print the plan (order, overlaps, predicted conflicts) and write nothing")
    .option("--json", "print the plan or result as JSON")
    .addHelpText("after", PROGRESS_HELP)
    .action(
      action(ctx, async (raw: unknown) => {
        const parsed = OptionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new UsageError(
            `invalid option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
          );
        const opts = parsed.data;
        checkUsage(opts);
        const github =
          opts.openPr || opts.redis
            ? requireGithubRepo(opts, opts.openPr ? "--open-pr" : "--redis")
            : githubRepoFrom(opts);
        const token = ctx.env.GITHUB_TOKEN;
        if (opts.openPr && !opts.dryRun && !token)
          throw new UsageError("--open-pr needs a token in GITHUB_TOKEN");
        const repo: GitRepo = { dir: opts.repo ?? ctx.cwd, env: ctx.env };
        const port =
          (opts.ready && opts.githubRepo) || (opts.openPr && !opts.dryRun)
            ? (await import("../../github/port-from-env.js")).githubPortFromEnv(
                ctx.env,
                ctx.log,
                opts.ready ? "--ready with --github-repo" : "--open-pr",
              )
            : undefined;
        const finish = await withProgress(ctx, { json: opts.json }, async (progress) => {
          const backlog = opts.backlog ? await import("../../integrate/backlog-lanes.js") : undefined;
          const date = opts.date ?? isoDate(new Date());
          // Reads that do not depend on each other run side by side: settings, the backlog and the target.
          const [settings, prps, target] = await tracked(
            progress,
            "read",
            `settings at ${opts.base}${opts.backlog ? ", backlog" : ""}, target branch`,
            () =>
              Promise.all([
                readIntegrationSettings(repo, opts.base),
                backlog && opts.backlog
                  ? backlog.readBacklogFacts(opts.backlog)
                  : new Map<string, PrpFacts>(),
                chooseTarget(opts, repo, integrationBranch(date), port, github),
              ]),
            ([, , t]) => t.branch,
          );
          ctx.trace("settings and target read");
          const selected = await tracked(
            progress,
            "select",
            opts.ready ? "lanes whose required gates passed" : "lanes named",
            () => selectLanes(ctx, opts, repo, settings, port, github),
            (set) =>
              `${set.ready.length} ready${set.waiting.length > 0 ? `, ${set.waiting.length} waiting` : ""}`,
          );
          ctx.trace("lanes selected");
          const store =
            opts.redis && !opts.dryRun
              ? await (
                  await import("../../state/open-state-store.js")
                ).openStateStore({ url: opts.redis, repo: github && repoFullName(github), log: ctx.log })
              : undefined;
          try {
            const queue =
              store && github
                ? (await import("../../integrate/state-queue.js")).stateQueue(store, repoFullName(github))
                : undefined;
            const lanes = await Promise.all(
              selected.ready.map(async ({ branch, commit }) => {
                const lane = laneFromBranch(branch);
                return {
                  ...(backlog ? backlog.withPrp(lane, prps.get(lane.id)) : lane),
                  ...(commit && { commit }),
                  attempts: queue
                    ? await queue.attemptsSoFar(lane.branch, opts.maxResolveAttempts)
                    : lane.attempts,
                };
              }),
            );
            const prpValidation = lanes.flatMap((l) => prps.get(l.id)?.validation ?? []);
            const plan = await tracked(
              progress,
              "plan",
              opts.dryRun ? "plan and predict conflicts" : "plan the order",
              () =>
                planIntegration(repo, {
                  base: opts.base,
                  lanes,
                  date,
                  branch: target.branch,
                  roleOrder: settings.roleOrder,
                  validate: [...new Set([...settings.validation, ...opts.validate, ...prpValidation])],
                  predictConflicts: opts.dryRun === true,
                }),
              (p) =>
                `${p.order.length} lane(s)${p.validate.length > 0 ? `, ${p.validate.length} validation command(s)` : ""}`,
            );
            ctx.trace("planned");
            if (opts.dryRun) {
              const value = dryRunView(plan, selected.waiting);
              return () => {
                emit(ctx, value, { json: opts.json, human: renderPlan });
                return value.predictedConflicts.length === 0 &&
                  value.skipped.every((s) => s.kind === "already-merged")
                  ? 0
                  : 1;
              };
            }
            progress.start("merge", `merge onto ${opts.base}`);
            const result = await applyIntegration(plan, {
              onStep: applySteps(progress),
              log: ctx.log,
              env: ctx.env,
              maxResolveAttempts: opts.maxResolveAttempts,
              validationTimeoutMs:
                opts.validateTimeout === undefined ? undefined : opts.validateTimeout * 1000,
            });
            ctx.trace("applied");
            progress.finish("merge", result.conflicts.length > 0 ? "failed" : "done");
            progress.finish("validate", result.validation.every((v) => v.ok) ? "done" : "failed");
            progress.finish(
              "bisect",
              "done",
              result.culprits.length > 0 ? `${result.culprits.length} culprit(s)` : undefined,
            );
            for (const request of queue ? result.requeue : []) await queue?.requeue(request);
            const pr =
              opts.openPr && port && github
                ? await tracked(
                    progress,
                    "pr",
                    "push and open the integration PR",
                    async () =>
                      (await import("../../integrate/open-integration-pr.js")).openIntegrationPr(
                        repo,
                        result,
                        {
                          port,
                          github,
                          remote: opts.remote,
                        },
                      ),
                    (opened) => opened?.url,
                  )
                : null;
            const pushed = opts.push === true && !pr && result.branch !== null;
            if (pushed)
              await tracked(progress, "push", `push ${result.branch} to ${opts.remote}`, async () =>
                (await import("../../git/push-branch.js")).pushBranch(
                  repo,
                  opts.remote,
                  result.branch as string,
                  {
                    force: target.previous !== undefined,
                  },
                ),
              );
            const output: IntegrateOutput = {
              ...result,
              pr,
              requeued: queue ? result.requeue.length : 0,
              waiting: selected.waiting,
              ...(target.note && { branchNote: target.note }),
              ...(target.previous && {
                changedSince: {
                  commit: target.previous.commit,
                  ...integrationChanges(target.previous.lanes, result.merged),
                },
              }),
              pushed,
              nextSteps: conflictNextSteps(result, queue !== undefined),
            };
            return () => {
              emit(ctx, output, { json: opts.json, human: renderResult });
              ctx.trace("printed");
              return result.ok ? 0 : 1;
            };
          } finally {
            await store?.quit();
          }
        });
        return finish();
      }),
    );
}

/** The apply step's news as progress steps: lanes merged, validation running, bisection. */
function applySteps(
  progress: Progress,
): (step: "merged" | "validating" | "bisecting", detail: string) => void {
  return (step, detail) => {
    if (step === "merged") progress.update("merge", { note: detail });
    else if (step === "validating") progress.start("validate", "validate the combination", { note: detail });
    else {
      progress.finish("validate", "failed");
      progress.start("bisect", "bisect", { note: detail });
    }
  };
}

function checkUsage(opts: Options): void {
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
function baseOnGitHub(base: string, remote: string): string {
  return base.startsWith(`${remote}/`) ? base.slice(remote.length + 1) : base;
}

/** The branch to write: the day's, or the open integration PR's to update, or the next free name. */
async function chooseTarget(
  opts: Options,
  repo: GitRepo,
  wanted: string,
  port: GitHubPort | undefined,
  github: RepoRef | undefined,
): Promise<IntegrationTarget> {
  const base = baseOnGitHub(opts.base, opts.remote);
  const openPr =
    port && github && opts.openPr && !opts.dryRun
      ? (await port.listPulls(github, { state: "open", head: wanted, base })).length > 0
      : false;
  return chooseIntegrationTarget(repo, {
    wanted,
    base: opts.base,
    remote: opts.openPr || opts.push ? opts.remote : undefined,
    openPr,
  });
}

/** The lanes to integrate: the named branches, or those whose required gates succeeded. */
async function selectLanes(
  ctx: CliDeps,
  opts: Options,
  repo: GitRepo,
  settings: IntegrationSettings,
  port: GitHubPort | undefined,
  github: RepoRef | undefined,
): Promise<ReadySet> {
  if (!opts.ready) {
    const branches = [
      ...new Set(
        (opts.branches ?? "")
          .split(",")
          .map((b) => b.trim())
          .filter((b) => b.length > 0),
      ),
    ];
    if (branches.length === 0)
      throw new UsageError(
        "--branches needs at least one branch name, e.g. --branches lanes/developer/12-api",
      );
    return { ready: branches.map((branch) => ({ branch, commit: "" })), waiting: [] };
  }
  if (opts.stack) {
    const [{ listLanes }, { stackNameFor, stackPaths }, { readyFromStack }, { heldReason, readHolds }] =
      await Promise.all([
        import("../../runner/lane-record.js"),
        import("../../runner/stack-paths.js"),
        import("../../integrate/ready-from-stack.js"),
        import("../../runner/stack-holds.js"),
      ]);
    const paths = stackPaths(ctx.env, stackNameFor(repo.dir, opts.stack));
    const [records, holds] = await Promise.all([listLanes(paths.lanes), readHolds(paths.holds)]);
    // a held PRP (`lanes hold`) is never integrated, whatever its gates say
    const holdOf = (lane: (typeof records)[number]) => holds.find((h) => h.prp === String(lane.issue));
    const held = records.flatMap((l) => {
      const hold = holdOf(l);
      return hold ? [{ branch: l.branch, commit: "", reason: heldReason(hold) }] : [];
    });
    const done = records.filter((l) => l.state === "done" && !holdOf(l));
    const set = await readyFromStack(
      repo,
      done.map((l) => l.branch),
      settings.requiredGates,
    );
    const unfinished = records
      .filter((l) => l.state !== "done" && !holdOf(l))
      .map((l) => ({ branch: l.branch, commit: "", reason: `the lane is ${l.state}, not done` }));
    return { ready: set.ready, waiting: [...held, ...set.waiting, ...unfinished] };
  }
  const { readyFromGitHub } = await import("../../integrate/ready-from-github.js");
  return readyFromGitHub(port as GitHubPort, github as RepoRef, {
    base: baseOnGitHub(opts.base, opts.remote),
    required: settings.requiredGates,
  });
}
