// `lanes reconcile`: rebuilds Redis (states, PRP facts, who waits on whom, queued jobs) from GitHub, the record.
// Prints its plan first; --dry-run prints only the plan. Safe to run at any time: what Redis has right is kept.
import type { Command } from "commander";
import {
  applyReconcile,
  planReconcile,
  readGitHubFacts,
  readRedisFacts,
  type ReconcileOutcome,
  type ReconcilePlan,
} from "../../app/reconcile/index.js";
import { githubAccessFromEnv } from "../../github/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { UsageError } from "../../errors.js";
import { parseRepoName } from "../../text/repo-name.js";
import { githubRepoFrom, githubRepoOption, type GithubRepoOptions } from "./github-repo-option.js";
import { addStateOptions, withStateStore, type StateOptions } from "./state-options.js";

interface ReconcileOptions extends StateOptions, GithubRepoOptions {
  dryRun?: boolean;
  json?: boolean;
}

export function renderReconcilePlan(plan: ReconcilePlan): string {
  if (plan.steps.length === 0) return `reconcile plan for ${plan.repo}: no open PRPs`;
  return [
    `reconcile plan for ${plan.repo}:`,
    ...plan.steps.map(
      (s) =>
        `  #${s.issue}  ${s.action.padEnd(7)}  ${(s.label ?? "-").padEnd(14)}  ${s.why}` +
        (s.job ? `  (job: ${s.job})` : ""),
    ),
  ].join("\n");
}

function renderOutcomes(outcomes: ReconcileOutcome[]): string {
  return [
    "reconciled:",
    ...outcomes.map(
      (o) => `  #${o.issue}  ${o.action.padEnd(7)}  ${o.state ?? "-"}${o.job ? `  job ${o.job}` : ""}`,
    ),
  ].join("\n");
}

export function registerReconcile(program: Command, ctx: CliDeps): void {
  addStateOptions(
    program
      .command("reconcile")
      .description(
        "rebuild Redis (states, PRP facts, blocked sets, queues) from GitHub: open PRP issues, their lanes:* labels, lane branches and PRs",
      ),
  )
    .addOption(
      githubRepoOption(
        "the repository (default --repo, then GITHUB_REPOSITORY; as the App with APP_ID + PRIVATE_KEY, else GITHUB_TOKEN; API from GITHUB_API_URL)",
      ),
    )
    .option("--dry-run", "print the plan and change nothing")
    .option("--json", "print the plan (and what was done) as JSON")
    .action(
      action(ctx, async (opts: ReconcileOptions) => {
        const fallback = opts.repo ?? ctx.env.GITHUB_REPOSITORY;
        const repo = githubRepoFrom(opts) ?? (fallback ? parseRepoName(fallback) : undefined);
        if (!repo)
          throw new UsageError("lanes reconcile needs --github-repo owner/repo (or GITHUB_REPOSITORY)");
        const name = `${repo.owner}/${repo.repo}`;
        const access = await githubAccessFromEnv(ctx.env, ctx.log, repo);
        if (!access)
          throw new UsageError(
            "lanes reconcile needs GitHub credentials: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) of the App, or GITHUB_TOKEN",
          );
        const github = access.port;
        const facts = await readGitHubFacts(github, repo);
        return withStateStore(ctx, { ...opts, repo: opts.repo ?? name }, async (store) => {
          const redis = await readRedisFacts(
            store,
            facts.prps.map((p) => p.number),
          );
          const plan = planReconcile(facts, redis);
          if (opts.dryRun) {
            emit(ctx, plan, { json: opts.json, human: renderReconcilePlan });
            return 0;
          }
          if (!opts.json) emit(ctx, plan, { json: false, human: renderReconcilePlan });
          const outcomes = await applyReconcile({ github, store, repo, log: ctx.log }, plan, facts);
          emit(ctx, { ...plan, outcomes }, { json: opts.json, human: (r) => renderOutcomes(r.outcomes) });
          return 0;
        });
      }),
    );
}
