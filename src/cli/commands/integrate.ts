// `lanes integrate`: orders the given lane branches (role order and validation from .github/lanes.yml at
// the base, PRP facts from --backlog), merges them onto the base, validates the result and writes
// lanes/integration/<date>; --open-pr pushes it and opens its PR, --redis requeues resolve jobs.
// `--dry-run` prints the plan and writes nothing.
import type { Command } from "commander";
import { z } from "zod";
import { UsageError } from "../../errors.js";
import { createGitHubPort } from "../../github/create-github-port.js";
import { applyIntegration, type IntegrationResult } from "../../integrate/apply-integration.js";
import { readBacklogFacts, withPrp, type PrpFacts } from "../../integrate/backlog-lanes.js";
import { readIntegrationSettings } from "../../integrate/integration-settings.js";
import { laneFromBranch } from "../../integrate/lane.js";
import { openIntegrationPr, type OpenedPr } from "../../integrate/open-integration-pr.js";
import { isoDate, planIntegration, type IntegrationPlan } from "../../integrate/plan-integration.js";
import { stateQueue } from "../../integrate/state-queue.js";
import { openStateStore } from "../../state/open-state-store.js";
import { isRedisUrl, REDIS_URL_FORM } from "../../text/redis-url.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { githubRepoFrom, githubRepoOption, repoFullName, requireGithubRepo } from "./github-repo-option.js";

const OptionsSchema = z.object({
  repo: z.string().optional(),
  base: z.string().min(1),
  branches: z.string(),
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

type IntegrateOutput = IntegrationResult & { pr: OpenedPr | null; requeued: number };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerIntegrate(program: Command, ctx: CliDeps): void {
  program
    .command("integrate")
    .description(
      "merge finished lanes in dependency order with git merge-tree, validate, and write lanes/integration/<date>",
    )
    .option("--repo <dir>", "the repository (default: the current directory)")
    .option("--base <ref>", "the branch the lanes are integrated onto", "main")
    .requiredOption("--branches <a,b,c>", "the lane branches to integrate, comma-separated")
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
    .addOption(githubRepoOption("the GitHub repository for --open-pr and --redis (API at GITHUB_API_URL)"))
    .option("--remote <name>", "the git remote --open-pr pushes to", "origin")
    .option("--redis <url>", "send conflicting and culprit lanes back as resolve jobs through this Redis")
    .option("--max-resolve-attempts <n>", "resolve attempts per lane before it goes to needs-human", "2")
    .option("--dry-run", "print the plan (order, overlaps, predicted conflicts) and write nothing")
    .option("--json", "print the plan or result as JSON")
    .action(
      action(ctx, async (raw: unknown) => {
        const parsed = OptionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new UsageError(
            `invalid option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
          );
        const opts = parsed.data;
        const branches = [
          ...new Set(
            opts.branches
              .split(",")
              .map((b) => b.trim())
              .filter((b) => b.length > 0),
          ),
        ];
        if (branches.length === 0)
          throw new UsageError(
            "--branches needs at least one branch name, e.g. --branches lanes/developer/12-api",
          );
        const github =
          opts.openPr || opts.redis
            ? requireGithubRepo(opts, opts.openPr ? "--open-pr" : "--redis")
            : githubRepoFrom(opts);
        const token = ctx.env.GITHUB_TOKEN;
        if (opts.openPr && !opts.dryRun && !token)
          throw new UsageError("--open-pr needs a token in GITHUB_TOKEN");
        const repo = { dir: opts.repo ?? ctx.cwd, env: ctx.env };
        const settings = await readIntegrationSettings(repo, opts.base);
        const prps: Map<string, PrpFacts> = opts.backlog ? await readBacklogFacts(opts.backlog) : new Map();
        const store =
          opts.redis && !opts.dryRun
            ? await openStateStore({ url: opts.redis, repo: github && repoFullName(github), log: ctx.log })
            : undefined;
        try {
          const queue = store && github && stateQueue(store, repoFullName(github));
          const lanes = await Promise.all(
            branches.map(laneFromBranch).map(async (lane) => ({
              ...withPrp(lane, prps.get(lane.id)),
              attempts: queue
                ? await queue.attemptsSoFar(lane.branch, opts.maxResolveAttempts)
                : lane.attempts,
            })),
          );
          const prpValidation = lanes.flatMap((l) => prps.get(l.id)?.validation ?? []);
          const plan = await planIntegration(repo, {
            base: opts.base,
            lanes,
            date: opts.date ?? isoDate(new Date()),
            roleOrder: settings.roleOrder,
            validate: [...new Set([...settings.validation, ...opts.validate, ...prpValidation])],
          });
          if (opts.dryRun) {
            const value = dryRunView(plan);
            emit(ctx, value, { json: opts.json, human: renderPlan });
            return value.predictedConflicts.length === 0 &&
              value.skipped.every((s) => s.kind === "already-merged")
              ? 0
              : 1;
          }
          const result = await applyIntegration(plan, {
            log: ctx.log,
            env: ctx.env,
            maxResolveAttempts: opts.maxResolveAttempts,
            validationTimeoutMs: opts.validateTimeout === undefined ? undefined : opts.validateTimeout * 1000,
          });
          for (const request of queue ? result.requeue : []) await queue?.requeue(request);
          const pr =
            opts.openPr && github
              ? await openIntegrationPr(repo, result, {
                  port: createGitHubPort({
                    auth: { type: "token", token: token as string },
                    baseUrl: ctx.env.GITHUB_API_URL,
                    log: ctx.log,
                  }),
                  github,
                  remote: opts.remote,
                })
              : null;
          const output: IntegrateOutput = { ...result, pr, requeued: queue ? result.requeue.length : 0 };
          emit(ctx, output, { json: opts.json, human: renderResult });
          return result.ok ? 0 : 1;
        } finally {
          await store?.quit();
        }
      }),
    );
}

function dryRunView(plan: IntegrationPlan) {
  return {
    dryRun: true,
    base: plan.base,
    baseCommit: plan.baseCommit,
    branch: plan.branch,
    order: plan.order.map((l) => l.branch),
    skipped: plan.skipped,
    overlaps: plan.overlaps,
    predictedConflicts: plan.predictedConflicts,
    validate: plan.validate,
  };
}

function renderPlan(view: ReturnType<typeof dryRunView>): string {
  const lines = [
    `plan: ${view.order.length} lanes onto ${view.base} → ${view.branch} (dry run, nothing written)`,
  ];
  view.order.forEach((b, i) => lines.push(`  ${i + 1}. ${b}`));
  for (const s of view.skipped) lines.push(`skip     ${s.branch}: ${s.reason}`);
  for (const o of view.overlaps) {
    const conflict = view.predictedConflicts.find((c) => c.a === o.a && c.b === o.b);
    lines.push(`${conflict ? "CONFLICT" : "overlap "} ${o.a} ↔ ${o.b}: ${(conflict ?? o).files.join(", ")}`);
  }
  return lines.join("\n");
}

function renderResult(result: IntegrateOutput): string {
  const lines = [
    result.branch
      ? `${result.branch} → ${result.commit.slice(0, 12)} (${result.merged.length} merged onto ${result.base})`
      : `no integration branch written (${result.merged.length} merged)`,
  ];
  for (const b of result.merged) lines.push(`merged   ${b}`);
  for (const c of result.conflicts)
    lines.push(`CONFLICT ${c.branch} with ${c.with.join(", ")}: ${c.files.join(", ")}`);
  for (const c of result.culprits) lines.push(`CULPRIT  ${c.branch}: ${c.reason}`);
  for (const s of result.skipped) lines.push(`skipped  ${s.branch}: ${s.reason}`);
  for (const v of result.validation) lines.push(`${v.ok ? "passed" : "FAILED"}   ${v.command}`);
  if (result.baseFailsValidation) lines.push(`validation fails on ${result.base} itself; fix the base first`);
  if (result.pr)
    lines.push(`${result.pr.created ? "opened" : "updated"} PR #${result.pr.number}: ${result.pr.url}`);
  if (result.requeued > 0) lines.push(`requeued ${result.requeued} lane(s) as resolve jobs`);
  return lines.join("\n");
}
