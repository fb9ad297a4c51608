// `lanes labels sync [--github-repo O/R]`: creates or updates Lanes' labels (prp, lanes:* states, priorities)
// on a repository, as the App does when it is installed.
import type { Command } from "commander";
import { syncLabels } from "../../app/index.js";
import { UsageError } from "../../errors.js";
import { githubPortFromEnv, type RepoRef } from "../../github/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";

interface SyncOptions {
  githubRepo?: string;
  json?: boolean;
}

export function parseRepoOption(value: string | undefined, env: NodeJS.ProcessEnv): RepoRef {
  const text = value ?? env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, extra] = text.split("/");
  if (!owner || !repo || extra !== undefined)
    throw new UsageError(
      `--github-repo ${text || "(missing)"}: expected OWNER/REPO (or set GITHUB_REPOSITORY)`,
    );
  return { owner, repo };
}

export function registerLabels(program: Command, ctx: CliDeps): void {
  const labels = program.command("labels").description("manage the labels Lanes uses on a repository");
  labels
    .command("sync")
    .description("create or update the prp, lanes:* state and priority labels (never deletes a label)")
    .option(
      "--github-repo <owner/repo>",
      "the repository (default GITHUB_REPOSITORY; token from GITHUB_TOKEN, API from GITHUB_API_URL)",
    )
    .option("--json", "print what was created and updated as JSON")
    .action(
      action(ctx, async (opts: SyncOptions) => {
        const repo = parseRepoOption(opts.githubRepo, ctx.env);
        const github = githubPortFromEnv(ctx.env, ctx.log, "lanes labels sync");
        const result = await syncLabels(github, repo);
        emit(
          ctx,
          { repo: `${repo.owner}/${repo.repo}`, ...result },
          {
            json: opts.json,
            human: (r) =>
              `labels on ${r.repo}: ${r.created.length} created, ${r.updated.length} updated` +
              [...r.created.map((n) => `\n  created ${n}`), ...r.updated.map((n) => `\n  updated ${n}`)].join(
                "",
              ),
          },
        );
        return 0;
      }),
    );
}
