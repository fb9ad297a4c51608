// Merges two commits without a working tree (merge-tree --write-tree + commit-tree), so bare repos can merge.
import { runGit } from "./run-git.js";

export interface TreeMergeInput {
  /** Repository (bare or not) holding both commits. */
  cwd: string;
  ours: string;
  theirs: string;
  message: string;
  /** Author and committer of the merge commit. */
  author: { name: string; email: string };
}

export type TreeMergeResult = { ok: true; sha: string } | { ok: false; conflicts: string[] };

export async function treeMerge(input: TreeMergeInput): Promise<TreeMergeResult> {
  const merge = await runGit(["merge-tree", "--write-tree", "--name-only", input.ours, input.theirs], {
    cwd: input.cwd,
    okExitCodes: [1],
  });
  const [tree = "", ...rest] = merge.stdout.split("\n");
  if (merge.exitCode === 1) {
    const blank = rest.indexOf("");
    return { ok: false, conflicts: (blank === -1 ? rest : rest.slice(0, blank)).filter((l) => l.length > 0) };
  }
  const env = {
    GIT_AUTHOR_NAME: input.author.name,
    GIT_AUTHOR_EMAIL: input.author.email,
    GIT_COMMITTER_NAME: input.author.name,
    GIT_COMMITTER_EMAIL: input.author.email,
  };
  const commit = await runGit(["commit-tree", tree.trim(), "-p", input.ours, "-p", input.theirs, "-m", input.message], {
    cwd: input.cwd,
    env,
  });
  return { ok: true, sha: commit.stdout.trim() };
}
