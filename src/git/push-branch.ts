// Pushes a local branch to a remote under the same name. `force` replaces the remote branch (an
// integration branch is rebuilt from the base on every run, so it does not fast-forward).
import { gitIn, type GitRepo } from "./git-repo.js";

export async function pushBranch(
  repo: GitRepo,
  remote: string,
  branch: string,
  options: { force?: boolean } = {},
): Promise<void> {
  const refspec = `${options.force ? "+" : ""}refs/heads/${branch}:refs/heads/${branch}`;
  await gitIn(repo, ["push", "--quiet", "--porcelain", "--", remote, refspec]);
}
