// Conflict prediction before anything is written: which lanes change the same files (pure overlap
// matrix), then which of those overlapping pairs really conflict (a merge-tree dry merge per pair).
import type { GitRepo } from "../git/git-repo.js";
import { mergeTree } from "../git/merge-tree.js";
import { mapLimit } from "./map-limit.js";

export interface ChangedLane {
  branch: string;
  commit: string;
  files: readonly string[];
}

export interface LanePair {
  a: string;
  b: string;
  files: string[];
}

/** Every pair of lanes (in the given order) that change at least one file in common. */
export function overlapMatrix(lanes: readonly ChangedLane[]): LanePair[] {
  const pairs: LanePair[] = [];
  const sets = lanes.map((l) => new Set(l.files));
  for (let i = 0; i < lanes.length; i += 1) {
    for (let j = i + 1; j < lanes.length; j += 1) {
      const files = [...(sets[i] as Set<string>)].filter((f) => (sets[j] as Set<string>).has(f)).sort();
      if (files.length > 0)
        pairs.push({ a: (lanes[i] as ChangedLane).branch, b: (lanes[j] as ChangedLane).branch, files });
    }
  }
  return pairs;
}

/** Dry-merges each overlapping pair; returns the pairs that conflict, with the conflicted files. */
export async function confirmConflicts(
  repo: GitRepo,
  lanes: readonly ChangedLane[],
  overlaps: readonly LanePair[],
  concurrency = 1,
): Promise<LanePair[]> {
  const commitOf = new Map(lanes.map((l) => [l.branch, l.commit]));
  const confirmed = await mapLimit(overlaps, concurrency, async (pair): Promise<LanePair | undefined> => {
    const result = await mergeTree(repo, commitOf.get(pair.a) as string, commitOf.get(pair.b) as string);
    return result.kind === "conflict" ? { a: pair.a, b: pair.b, files: [...result.files].sort() } : undefined;
  });
  return confirmed.filter((c): c is LanePair => c !== undefined);
}
