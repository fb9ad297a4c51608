// The branches an integration branch merged, read back from its first-parent merge commits
// ("Merge branch '<lane>' into …", as Lanes and `git merge` write them), oldest first.
import { gitIn, type GitRepo } from "./git-repo.js";

const MERGE_SUBJECT = /^Merge branch '([^']+)'/;

export async function mergedBranches(repo: GitRepo, tip: string, base: string): Promise<string[]> {
  const { stdout } = await gitIn(repo, [
    "log",
    "--first-parent",
    "--reverse",
    "--format=%s",
    tip,
    "--not",
    base,
    "--",
  ]);
  return stdout.split("\n").flatMap((subject) => {
    const match = MERGE_SUBJECT.exec(subject);
    return match?.[1] ? [match[1]] : [];
  });
}
