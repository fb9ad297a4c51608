// Merges two commits without a working tree (merge-tree --write-tree + commit-tree), so bare repos can merge.
import { mergeTree } from "./merge-tree.js";
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
  const merge = await mergeTree({ dir: input.cwd }, input.ours, input.theirs);
  if (merge.kind === "conflict") return { ok: false, conflicts: merge.files };
  if (merge.kind === "unrelated") return { ok: false, conflicts: [] };
  const env = {
    GIT_AUTHOR_NAME: input.author.name,
    GIT_AUTHOR_EMAIL: input.author.email,
    GIT_COMMITTER_NAME: input.author.name,
    GIT_COMMITTER_EMAIL: input.author.email,
  };
  const commit = await runGit(
    ["commit-tree", merge.tree, "-p", input.ours, "-p", input.theirs, "-m", input.message],
    {
      cwd: input.cwd,
      env,
    },
  );
  return { ok: true, sha: commit.stdout.trim() };
}
