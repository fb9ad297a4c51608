// `--github-repo owner/repo`, declared and read the same way by every command that talks to GitHub:
// the value is checked once, and a bad one is a usage error that names it and the expected form.
import { Option } from "commander";
import { UsageError } from "../../errors.js";
import { notARepoName, parseRepoName, type RepoName } from "../../text/repo-name.js";

export interface GithubRepoOptions {
  githubRepo?: string;
}

/** The option, for `command.addOption(…)`; `description` says what the command uses the repository for. */
export function githubRepoOption(description: string, required = false): Option {
  const option = new Option("--github-repo <owner/repo>", description);
  return required ? option.makeOptionMandatory() : option;
}

/** The repository --github-repo names, or undefined when it is not given. */
export function githubRepoFrom(opts: GithubRepoOptions): RepoName | undefined {
  if (opts.githubRepo === undefined) return undefined;
  const repo = parseRepoName(opts.githubRepo);
  if (repo === undefined) throw new UsageError(`--github-repo ${notARepoName(opts.githubRepo)}`);
  return repo;
}

/** The repository --github-repo names; `neededBy` (e.g. "--publish") says why it must be given. */
export function requireGithubRepo(opts: GithubRepoOptions, neededBy: string): RepoName {
  const repo = githubRepoFrom(opts);
  if (repo === undefined) throw new UsageError(`${neededBy} needs --github-repo owner/repo`);
  return repo;
}

export const repoFullName = (repo: RepoName): string => `${repo.owner}/${repo.repo}`;
