// `lanes ingest DIR`: files a backlog folder of PRPs as issues labelled `prp` (plan first; --dry-run
// prints the plan). PRPs that already have an issue with the same title are not filed again.
import { resolve } from "node:path";
import type { Command } from "commander";
import { githubPortFromEnv } from "../../github/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { applyIngest, PRP_LABEL, type IngestedPrp } from "../ingest/apply-ingest.js";
import { planIngest, type IngestPlan } from "../ingest/plan-ingest.js";
import { readBacklogPrps } from "../ingest/read-backlog-prps.js";
import { PROGRESS_HELP, tracked, withProgress, type Progress } from "../progress/progress.js";
import {
  githubRepoOption,
  repoFullName,
  requireGithubRepo,
  type GithubRepoOptions,
} from "./github-repo-option.js";

interface IngestOptions extends GithubRepoOptions {
  dryRun?: boolean;
  out?: string;
  json?: boolean;
}

function renderPlan(plan: IngestPlan): string {
  return [
    `ingest plan for ${plan.repo}:`,
    ...plan.items.map(
      (i) =>
        `  ${i.action === "create" ? "create" : `exists #${i.issue}`}  ${i.backlogId}  ${i.title}  (${i.file})`,
    ),
  ].join("\n");
}

function renderResult(result: { repo: string; issues: IngestedPrp[] }): string {
  return [
    `ingested into ${result.repo}:`,
    ...result.issues.map(
      (i) => `  #${i.issue} ${i.created ? "filed " : "exists"}  ${i.title}  (backlog ${i.backlogId})`,
    ),
  ].join("\n");
}

function labelOf(plan: IngestPlan, backlogId: string): string {
  const item = plan.items.find((i) => i.backlogId === backlogId);
  return `${backlogId} ${item?.title ?? ""}`.trim();
}

/** Every PRP to file, in filing order, before the first is filed. */
function announce(progress: Progress, plan: IngestPlan): void {
  for (const item of plan.items) progress.pending(`prp-${item.backlogId}`, labelOf(plan, item.backlogId));
}

export function registerIngest(program: Command, ctx: CliDeps): void {
  program
    .command("ingest")
    .description(
      "file a backlog folder of PRPs as issues labelled prp (dependencies rewritten to issue numbers)",
    )
    .argument("<dir>", "folder of markdown PRPs")
    .addOption(
      githubRepoOption(
        "the repository to file the issues in (token from GITHUB_TOKEN, API from GITHUB_API_URL)",
        true,
      ),
    )
    .option("--dry-run", "print the plan (what would be filed, what already exists) and file nothing")
    .option(
      "--out <dir>",
      "also write the backlog again, each PRP named by its issue and depending on issue numbers",
    )
    .option("--json", "print the plan or the result as JSON")
    .addHelpText("after", PROGRESS_HELP)
    .action(
      action(ctx, async (dir: string, opts: IngestOptions) => {
        const repo = requireGithubRepo(opts, "lanes ingest");
        const { plan, issues } = await withProgress(ctx, { json: opts.json }, async (progress) => {
          const backlog = await tracked(
            progress,
            "read",
            `read ${dir}`,
            () => readBacklogPrps(resolve(ctx.cwd, dir)),
            (b) => `${b.planned.length} PRP(s)`,
          );
          const github = githubPortFromEnv(ctx.env, ctx.log, "lanes ingest");
          // Closed PRP issues count too: a PRP whose lane merged must not be filed (and built) again.
          const existing = await tracked(
            progress,
            "existing",
            `PRP issues on ${repoFullName(repo)}`,
            () => github.listIssues(repo, { labels: [PRP_LABEL.name], state: "all" }),
            (found) => `${found.length} found`,
          );
          const plan = planIngest(repoFullName(repo), backlog.planned, existing, backlog.report.graph.order);
          if (opts.dryRun) return { plan, issues: null };
          announce(progress, plan);
          const issues = await applyIngest(github, repo, plan, backlog.byId, {
            ...(opts.out ? { outDir: resolve(ctx.cwd, opts.out) } : {}),
            onFiling: (id) => progress.start(`prp-${id}`, labelOf(plan, id)),
            onFiled: (i) =>
              progress.finish(
                `prp-${i.backlogId}`,
                i.created ? "done" : "skipped",
                i.created ? `filed #${i.issue}` : `exists #${i.issue}`,
              ),
          });
          return { plan, issues };
        });
        if (issues === null) {
          emit(ctx, plan, { json: opts.json, human: renderPlan });
          return 0;
        }
        emit(ctx, { repo: plan.repo, issues }, { json: opts.json, human: renderResult });
        return 0;
      }),
    );
}
