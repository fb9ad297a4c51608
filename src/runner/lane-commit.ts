// Commits and pushes a lane's work from its worktree. Lanes' own folder in a worktree (.lanes/, also
// in the repository's git exclude) is never committed; project files such as CLAUDE.md are the agent's.
import { gitText, runGit } from "../git/run-git.js";
import { withTokenAuth } from "../git/token-auth.js";
import { sanitizeText } from "../text/sanitize.js";

export const LANE_PRIVATE_PATHS = [".lanes"] as const;

/** Identity for commits made by Lanes itself when the environment has none configured. */
const FALLBACK_IDENTITY = ["-c", "user.name=Lanes", "-c", "user.email=lanes@users.noreply.github.com"];

async function hasIdentity(cwd: string, env?: NodeJS.ProcessEnv): Promise<boolean> {
  if ((env ?? process.env).GIT_AUTHOR_EMAIL) return true;
  const result = await runGit(["config", "user.email"], { cwd, env, okExitCodes: [1] });
  return result.stdout.trim().length > 0;
}

/** Stages everything except Lanes' private files and commits; null when there was nothing to commit. */
export async function commitLaneWork(
  worktree: string,
  message: string,
  env?: NodeJS.ProcessEnv,
): Promise<string | null> {
  // `.lanes/` is in the repository's git exclude; naming it in an exclude pathspec would make git add
  // fail ("paths are ignored"), so it is taken out of the index afterwards, in case the exclude is missing
  await runGit(["add", "-A", "--", "."], { cwd: worktree, env });
  await runGit(["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", ...LANE_PRIVATE_PATHS], {
    cwd: worktree,
    env,
  });
  const staged = await runGit(["diff", "--cached", "--quiet"], { cwd: worktree, env, okExitCodes: [1] });
  if (staged.exitCode === 0) return null;
  const identity = (await hasIdentity(worktree, env)) ? [] : FALLBACK_IDENTITY;
  // PRP text (a criterion, a title) ends up in messages: no escape sequence or NUL goes into history
  // (a NUL in an argument would even make the spawn throw, on every retry).
  const clean = sanitizeText(message, { tabs: false }).trim() || "Lanes: work in progress";
  await runGit([...identity, "commit", "-q", "--no-verify", "-m", clean], { cwd: worktree, env });
  return gitText(["rev-parse", "HEAD"], { cwd: worktree, env });
}

/** Committer time (ms) of HEAD, or null for a branch without commits. */
export async function headCommitTime(worktree: string): Promise<number | null> {
  const out = await runGit(["log", "-1", "--format=%ct"], { cwd: worktree, okExitCodes: [128] });
  const seconds = Number(out.stdout.trim());
  return out.exitCode === 0 && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** Whether the worktree has changes (outside Lanes' private files) that are not committed. */
export async function hasUncommittedWork(worktree: string): Promise<boolean> {
  const excludes = LANE_PRIVATE_PATHS.map((p) => `:(exclude)${p}`);
  const out = await gitText(["status", "--porcelain", "--", ".", ...excludes], { cwd: worktree });
  return out.length > 0;
}

/** Number of commits on HEAD that `base` does not have. */
export async function commitsAhead(worktree: string, base: string): Promise<number> {
  const out = await runGit(["rev-list", "--count", `${base}..HEAD`], { cwd: worktree, okExitCodes: [128] });
  return out.exitCode === 0 ? Number(out.stdout.trim()) : 0;
}

/**
 * Pushes the lane branch to a remote (creating or fast-forwarding it; never forced). Runs in the
 * repository, not the worktree, so a remote given as a relative path means what the user meant.
 * `token` (the stack's GitHub token, read just before the push) authenticates an https remote.
 */
export async function pushLaneBranch(
  repo: string,
  remote: string,
  branch: string,
  env?: NodeJS.ProcessEnv,
  token?: () => Promise<string>,
): Promise<void> {
  let pushEnv = env;
  if (token) {
    const url = await gitText(["remote", "get-url", "--push", remote], { cwd: repo, env });
    pushEnv = withTokenAuth(env ?? process.env, url, await token());
  }
  await runGit(["push", "-q", remote, `refs/heads/${branch}:refs/heads/${branch}`], {
    cwd: repo,
    env: pushEnv,
    timeoutMs: 120_000,
  });
}

/** Names of the repository's remotes. */
export async function listRemotes(repo: string): Promise<string[]> {
  const out = await gitText(["remote"], { cwd: repo });
  return out.split("\n").filter((r) => r.length > 0);
}

export type MergeBranchesResult = { ok: true } | { ok: false; conflicts: string[] };

/**
 * Merges finished dependency lanes into a lane's worktree, so a dependent builds on their code
 * (stacked lanes). A conflict is aborted, leaving the worktree as it was, and reported.
 */
export async function mergeBranchesInto(
  worktree: string,
  branches: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<MergeBranchesResult> {
  if (branches.length === 0) return { ok: true };
  const identity = (await hasIdentity(worktree, env)) ? [] : FALLBACK_IDENTITY;
  const merge = await runGit([...identity, "merge", "-q", "--no-edit", "--no-verify", ...branches], {
    cwd: worktree,
    env,
    okExitCodes: [1],
  });
  if (merge.exitCode === 0) return { ok: true };
  const conflicts = (await gitText(["diff", "--name-only", "--diff-filter=U"], { cwd: worktree, env }))
    .split("\n")
    .filter(Boolean);
  await runGit(["merge", "--abort"], { cwd: worktree, env, okExitCodes: [128] });
  return { ok: false, conflicts };
}
