// Temporary detached worktrees: a commit checked out in a throwaway directory, removed afterwards.
// Never touches the user's checkout or moves any branch.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gitIn, type GitRepo } from "./git-repo.js";

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
