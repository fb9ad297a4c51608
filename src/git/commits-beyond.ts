// The commits each tip has that the base does not (`git rev-list --parents <tips> ^<base>`, one process):
// two lanes share history exactly when these sets intersect. The same walk gives each tip's fork points:
// the parents of those commits that the base has.
import { gitIn, type GitRepo } from "./git-repo.js";

export interface LaneHistory {
  /** The commits the tip has and the base does not (empty when the base contains the tip). */
  beyond: Set<string>;
  /**
   * The commits the base has where the tip's own history starts. One: it is the merge base. None with
   * commits beyond: unrelated histories. Several: ask `git merge-base --all` (one may contain another).
   */
  boundary: string[];
}

export async function laneHistories(
  repo: GitRepo,
  base: string,
  tips: readonly string[],
): Promise<Map<string, LaneHistory>> {
  const result = new Map<string, LaneHistory>();
  if (tips.length === 0) return result;
  const { stdout } = await gitIn(repo, ["rev-list", "--parents", "--stdin"], {
    input: [...tips, `^${base}`].join("\n") + "\n",
  });
  const parents = new Map<string, string[]>();
  for (const line of stdout.split("\n")) {
    const [commit, ...rest] = line.split(" ");
    if (commit) parents.set(commit, rest);
  }
  for (const tip of tips) {
    const beyond = new Set<string>();
    const boundary = new Set<string>();
    const stack = parents.has(tip) ? [tip] : [];
    while (stack.length > 0) {
      const commit = stack.pop() as string;
      if (beyond.has(commit)) continue;
      beyond.add(commit);
      for (const parent of parents.get(commit) ?? []) {
        if (parents.has(parent)) stack.push(parent);
        else boundary.add(parent);
      }
    }
    result.set(tip, { beyond, boundary: [...boundary] });
  }
  return result;
}

export async function commitsBeyond(
  repo: GitRepo,
  base: string,
  tips: readonly string[],
): Promise<Map<string, Set<string>>> {
  const histories = await laneHistories(repo, base, tips);
  return new Map([...histories].map(([tip, history]) => [tip, history.beyond]));
}
