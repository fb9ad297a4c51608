// `lanes labels sync [--github-repo O/R]`: creates or updates Lanes' labels (prp, lanes:* states, priorities)
// on a repository, as the App does when it is installed.
import type { Command } from "commander";
import { syncLabels } from "../../app/index.js";
import { UsageError } from "../../errors.js";
import { githubPortFromEnv, type RepoRef } from "../../github/index.js";
import { parseRepoName } from "../../text/repo-name.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { githubRepoFrom, githubRepoOption, type GithubRepoOptions } from "./github-repo-option.js";

interface SyncOptions extends GithubRepoOptions {
  json?: boolean;
}

/** --github-repo, else GITHUB_REPOSITORY (set in Actions). */
function repoFrom(opts: SyncOptions, env: NodeJS.ProcessEnv): RepoRef {
  const repo = githubRepoFrom(opts);
  if (repo) return repo;
  const fromEnv = env.GITHUB_REPOSITORY ? parseRepoName(env.GITHUB_REPOSITORY) : undefined;
  if (!fromEnv)
    throw new UsageError("lanes labels sync needs --github-repo owner/repo (or GITHUB_REPOSITORY)");
  return fromEnv;
}

export function registerLabels(program: Command, ctx: CliDeps): void {
  const labels = program.command("labels").description("manage the labels Lanes uses on a repository");
  labels
    .command("sync")
    .description("create or update the prp, lanes:* state and priority labels (never deletes a label)")
    .addOption(
      githubRepoOption(
        "the repository (default GITHUB_REPOSITORY; token from GITHUB_TOKEN, API from GITHUB_API_URL)",
      ),
    )
    .option("--json", "print what was created and updated as JSON")
    .action(
      action(ctx, async (opts: SyncOptions) => {
        const repo = repoFrom(opts, ctx.env);
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
