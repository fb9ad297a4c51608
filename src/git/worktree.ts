// Git worktrees: list, add on a branch, remove, prune (the runner's lane worktrees are built on these),
// and a commit checked out in a throwaway detached worktree. Only `git worktree` and ref commands:
// nothing here ever checks out, resets or cleans the repository's own working tree or moves its branches.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gitIn, type GitRepo } from "./git-repo.js";
import { gitText, runGit } from "./run-git.js";

export interface WorktreeEntry {
  path: string;
  head: string | null;
  /** Short branch name (without refs/heads/), or null for a detached HEAD. */
  branch: string | null;
  /** True for the repository's own (main) working tree. */
  main: boolean;
}

/** Every worktree of the repository, the main one first (`git worktree list --porcelain`). */
export async function listWorktrees(repo: string): Promise<WorktreeEntry[]> {
  const out = await gitText(["worktree", "list", "--porcelain"], { cwd: repo });
  return out
    .split(/\n\n+/)
    .filter((block) => block.trim().length > 0)
    .map((block, index) => {
      const lines = block.split("\n");
      const value = (key: string) =>
        lines.find((l) => l.startsWith(`${key} `))?.slice(key.length + 1) ?? null;
      const ref = value("branch");
      return {
        path: value("worktree") ?? "",
        head: value("HEAD"),
        branch: ref === null ? null : ref.replace(/^refs\/heads\//, ""),
        main: index === 0,
      };
    });
}

export async function branchExists(repo: string, branch: string): Promise<boolean> {
  const result = await runGit(["show-ref", "--verify", "--quiet", `refs/heads/${branch}`], {
    cwd: repo,
    okExitCodes: [1],
  });
  return result.exitCode === 0;
}

/** Adds a worktree at `path` on `branch`; creates the branch from `startPoint` when given. */
export async function addWorktree(
  repo: string,
  path: string,
  branch: string,
  startPoint?: string,
): Promise<void> {
  const args =
    startPoint === undefined
      ? ["worktree", "add", path, branch]
      : ["worktree", "add", "-b", branch, path, startPoint];
  await runGit(args, { cwd: repo });
}

/** Removes a worktree (uncommitted changes included) and forgets stale entries. */
export async function removeWorktree(repo: string, path: string): Promise<void> {
  await runGit(["worktree", "remove", "--force", path], { cwd: repo, okExitCodes: [128] });
  await runGit(["worktree", "prune"], { cwd: repo });
}

/** Forgets worktrees whose directories were deleted, so their branches can be checked out again. */
export async function pruneWorktrees(repo: string): Promise<void> {
  await runGit(["worktree", "prune"], { cwd: repo });
}

/** Checks `commit` out in a new temp dir, runs `use` there, and always removes the worktree. */
export async function withDetachedWorktree<T>(
  repo: GitRepo,
  commit: string,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  const parent = await mkdtemp(join(tmpdir(), "lanes-worktree-"));
  const dir = join(parent, "tree");
  try {
    await gitIn(repo, ["worktree", "add", "--detach", "--quiet", dir, commit]);
    return await use(dir);
  } finally {
    await gitIn(repo, ["worktree", "remove", "--force", dir], { okExitCodes: [128] });
    await rm(parent, { recursive: true, force: true });
    await gitIn(repo, ["worktree", "prune"]);
  }
}
