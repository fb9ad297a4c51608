// The repository a git helper works on: its directory, the runner (injectable), and extra environment.
import { runGit, type Git, type GitResult, type GitRunOptions } from "./run-git.js";

export interface GitRepo {
  dir: string;
  /** The runner; defaults to the real `runGit`. */
  git?: Git;
  /** Extra environment for every call (e.g. the committer identity). */
  env?: NodeJS.ProcessEnv;
}

/** Runs git in the repository with its runner and environment. */
export function gitIn(
  repo: GitRepo,
  args: readonly string[],
  options: Omit<GitRunOptions, "cwd"> = {},
): Promise<GitResult> {
  const git = repo.git ?? runGit;
  return git(args, { ...options, cwd: repo.dir, env: { ...repo.env, ...options.env } });
}
