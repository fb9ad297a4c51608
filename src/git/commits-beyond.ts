// The commits each tip has that the base does not (`git rev-list --parents <tips> ^<base>`, one process):
// two lanes share history exactly when these sets intersect.
import { gitIn, type GitRepo } from "./git-repo.js";

export async function commitsBeyond(
  repo: GitRepo,
  base: string,
  tips: readonly string[],
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
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
    const seen = new Set<string>();
    const stack = parents.has(tip) ? [tip] : [];
    while (stack.length > 0) {
      const commit = stack.pop() as string;
      if (seen.has(commit)) continue;
      seen.add(commit);
      for (const parent of parents.get(commit) ?? []) if (parents.has(parent)) stack.push(parent);
    }
    result.set(tip, seen);
  }
  return result;
}
