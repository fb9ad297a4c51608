// The base a stacked lane really builds on: the base merged with the lanes it contains (its finished
// dependencies), as a tree id. Diffing that tree against the lane's tip leaves only the lane's own work.
// Only objects are written (merge-tree's trees, commit-tree's intermediate commits), never a ref.
import { gitIn, type GitRepo } from "./git-repo.js";
import { mergeTree } from "./merge-tree.js";
import { mergeBase } from "./refs.js";

/** Identity for the intermediate commits, which no ref ever points at. */
const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes",
  GIT_AUTHOR_EMAIL: "lanes@users.noreply.github.com",
  GIT_COMMITTER_NAME: "Lanes",
  GIT_COMMITTER_EMAIL: "lanes@users.noreply.github.com",
};

export type VirtualBase =
  /** Nothing contained beyond the base: diff `base...tip` as usual. */
  | { kind: "plain" }
  | { kind: "merged"; tree: string; lanes: string[] }
  /** The contained lanes do not merge cleanly onto the base (or share no history with the tip). */
  | { kind: "conflict" };

/** The contained commits no other contained commit (nor the fork point) already reaches. */
async function independentTips(repo: GitRepo, fork: string, contained: readonly string[]): Promise<string[]> {
  const { stdout } = await gitIn(repo, ["merge-base", "--independent", fork, ...new Set(contained)]);
  return stdout.split("\n").filter((c) => c.length > 0 && c !== fork);
}

/**
 * Merges the fork point of `tip` from `base` with each contained commit in turn (each must be an
 * ancestor of `tip`) and returns the resulting tree.
 */
export async function virtualBase(
  repo: GitRepo,
  base: string,
  tip: string,
  contained: readonly string[],
): Promise<VirtualBase> {
  if (contained.length === 0) return { kind: "plain" };
  const fork = await mergeBase(repo, base, tip);
  if (fork === undefined) return { kind: "conflict" };
  const tips = await independentTips(repo, fork, contained);
  if (tips.length === 0) return { kind: "plain" };
  let current = fork;
  for (const lane of tips.slice(0, -1)) {
    const merge = await mergeTree(repo, current, lane);
    if (merge.kind !== "clean") return { kind: "conflict" };
    const { stdout } = await gitIn(
      repo,
      ["commit-tree", merge.tree, "-p", current, "-p", lane, "-m", "lanes: virtual base"],
      { env: IDENTITY },
    );
    current = stdout.trim();
  }
  const last = await mergeTree(repo, current, tips[tips.length - 1] as string);
  return last.kind === "clean" ? { kind: "merged", tree: last.tree, lanes: tips } : { kind: "conflict" };
}
