// Would head merge cleanly onto base? `git merge-tree --write-tree` answers without a checkout
// (exit 0 clean, exit 1 conflicts; the conflicted files follow the tree id).
import { runGit } from "./run-git.js";

export interface MergeTreeResult {
  clean: boolean;
  tree: string;
  conflicts: string[];
}

export async function mergeTree(cwd: string, base: string, head: string): Promise<MergeTreeResult> {
  const out = await runGit(["merge-tree", "--write-tree", "--name-only", "--no-messages", base, head], { cwd, okExitCodes: [1] });
  const [tree = "", ...files] = out.stdout.split("\n").filter((line) => line.length > 0);
  return { clean: out.exitCode === 0, tree, conflicts: [...new Set(files)] };
}
