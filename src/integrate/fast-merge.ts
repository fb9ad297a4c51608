// Decides when a lane's merge can skip `git merge-tree`: when the lane's changed paths (since its fork
// point) are disjoint — prefixes included, `a` vs `a/b` — from every path the integration head changed since
// that fork (the base's own changes plus the lanes merged so far), neither side can pair a deletion with an
// addition (so no rename or directory rename is in play), and the lane shares no commits with the merged
// lanes (so the fork point is the merge base). Then git's three-way merge takes the lane's side for its paths
// and the head's side for all others: the merged tree is the head tree with the lane's changes replayed.
import type { GitRepo } from "../git/git-repo.js";
import { commitsBeyond } from "../git/commits-beyond.js";
import { commitChanges, type TreeChange } from "../git/tree-changes.js";
import type { PlannedLane } from "./plan-integration.js";

/** Changed paths, with every directory above them, and whether any was added or deleted. */
class PathSet {
  readonly files = new Set<string>();
  readonly dirs = new Set<string>();
  added = false;
  deleted = false;

  add(changes: readonly TreeChange[]): this {
    for (const change of changes) {
      this.files.add(change.path);
      for (let slash = change.path.indexOf("/"); slash !== -1; slash = change.path.indexOf("/", slash + 1))
        this.dirs.add(change.path.slice(0, slash));
      this.added ||= change.status === "A";
      this.deleted ||= change.status === "D";
    }
    return this;
  }

  /** True when `path` is one of these paths, lies under one of them, or has one of them under it. */
  collides(path: string): boolean {
    if (this.files.has(path) || this.dirs.has(path)) return true;
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1))
      if (this.files.has(path.slice(0, slash))) return true;
    return false;
  }
}

export interface FastMerge {
  /** The lane's changes to replay onto the head, or undefined when only a real merge gives git's result. */
  changesFor(lane: PlannedLane): TreeChange[] | undefined;
  /** Records a merged lane and what its merge changed in the head. */
  record(lane: PlannedLane, changes: readonly TreeChange[]): void;
}

export async function prepareFastMerge(
  repo: GitRepo,
  baseCommit: string,
  lanes: readonly PlannedLane[],
): Promise<FastMerge> {
  // The plan normally carries each lane's changes and commits; lanes built without them cost one process each.
  const missing = lanes.filter((l) => l.fork !== undefined && l.changes === undefined);
  const untracked = lanes.filter((l) => l.beyond === undefined);
  const olderForks = [
    ...new Set(lanes.flatMap((l) => (l.fork !== undefined && l.fork !== baseCommit ? [l.fork] : []))),
  ];
  const [changes, beyond] = await Promise.all([
    commitChanges(repo, [
      ...missing.map((l) => ({ from: l.fork as string, to: l.commit })),
      ...olderForks.map((f) => ({ from: f, to: baseCommit })),
    ]),
    lanes.length > 1 && untracked.length > 0
      ? commitsBeyond(repo, baseCommit, [...new Set(untracked.map((l) => l.commit))])
      : new Map<string, Set<string>>(),
  ]);
  const laneChanges = new Map(lanes.flatMap((l) => (l.changes ? [[l.commit, l.changes] as const] : [])));
  missing.forEach((l, i) => laneChanges.set(l.commit, changes[i] as TreeChange[]));
  const history = new Map<string, Iterable<string>>(beyond);
  for (const lane of lanes) if (lane.beyond) history.set(lane.commit, lane.beyond);
  const baseSince = new Map(
    olderForks.map((f, i) => [f, new PathSet().add(changes[missing.length + i] as TreeChange[])]),
  );
  baseSince.set(baseCommit, new PathSet());
  const head = new PathSet();
  const mergedCommits = new Set<string>();

  return {
    changesFor(lane) {
      const own = laneChanges.get(lane.commit);
      const base = lane.fork === undefined ? undefined : baseSince.get(lane.fork);
      if (own === undefined || base === undefined || own.length === 0) return undefined;
      for (const commit of history.get(lane.commit) ?? []) if (mergedCommits.has(commit)) return undefined;
      const theirs = new PathSet().add(own);
      if (theirs.added && theirs.deleted) return undefined;
      if ((head.added || base.added) && (head.deleted || base.deleted)) return undefined;
      if (own.some((c) => head.collides(c.path) || base.collides(c.path))) return undefined;
      return own;
    },
    record(lane, changes) {
      head.add(changes);
      for (const commit of history.get(lane.commit) ?? []) mergedCommits.add(commit);
    },
  };
}
