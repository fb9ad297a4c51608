// Creates a commit object from a tree and its parents (`git commit-tree`): no index, no working tree, no ref.
import { gitIn, type GitRepo } from "./git-repo.js";

export interface CommitTreeInput {
  tree: string;
  parents: readonly string[];
  message: string;
}

export async function commitTree(repo: GitRepo, input: CommitTreeInput): Promise<string> {
  const parents = input.parents.flatMap((p) => ["-p", p]);
  const { stdout } = await gitIn(repo, ["commit-tree", input.tree, ...parents], { input: input.message });
  return stdout.trim();
}
