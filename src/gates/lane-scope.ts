// What belongs to a lane itself once lanes stack: a lane that started on its finished dependencies'
// branches contains their commits, so its own changes are measured from a virtual base (the base merged
// with the lanes it contains), and only lanes that are neither its dependencies nor stacked on it,
// compared by their own changes too, count as overlapping.
import {
  changedFiles,
  changedFilesFrom,
  commitLog,
  diffChanges,
  diffChangesFrom,
  laneBranchTips,
  virtualBase,
} from "../git/index.js";
import type { DiffChange, LaneTip, LogCommit } from "../git/index.js";

export interface LaneScope {
  changes: DiffChange[];
  commits: LogCommit[];
  /** Branches of the lanes the head contains (its dependencies), whose work is not the lane's own. */
  contained: string[];
  /** Other real lanes (no integration branches, one name per lane) with the files they change themselves. */
  otherLanes: { branch: string; files: string[] }[];
}

const laneName = (branch: string): string => branch.replace(/^origin\//, "");
const isIntegration = (branch: string): boolean => laneName(branch).startsWith("lanes/integration/");

/** Lane tips that `tip` contains, other than the lane named `branch` itself (and its remote copy). */
async function containedTips(cwd: string, branch: string, tip: string): Promise<LaneTip[]> {
  const merged = await laneBranchTips(cwd, { merged: tip });
  return merged.filter(
    (l) => l.commit !== tip && laneName(l.branch) !== laneName(branch) && !isIntegration(l.branch),
  );
}

/** One entry per lane: the local branch when there is one, else its remote-tracking copy. */
function onePerLane(tips: readonly LaneTip[]): LaneTip[] {
  const byName = new Map<string, LaneTip>();
  for (const tip of tips) {
    const seen = byName.get(laneName(tip.branch));
    if (!seen || (seen.branch.startsWith("origin/") && !tip.branch.startsWith("origin/")))
      byName.set(laneName(tip.branch), tip);
  }
  return [...byName.values()];
}

/** The files a lane changes itself: from its virtual base, or from the base when nothing stacks under it. */
async function ownFiles(cwd: string, base: string, lane: LaneTip): Promise<string[]> {
  const contained = await containedTips(cwd, lane.branch, lane.commit);
  const start = await virtualBase(
    { dir: cwd },
    base,
    lane.commit,
    contained.map((l) => l.commit),
  );
  return start.kind === "merged"
    ? changedFilesFrom({ dir: cwd }, start.tree, lane.commit)
    : changedFiles({ dir: cwd }, base, lane.commit);
}

/**
 * Merge commits that only bring in others' work (the stacking merge of dependencies, a merge of the
 * base): every parent after the first lies outside the lane's own commits.
 */
function withoutForeignMerges(commits: LogCommit[]): LogCommit[] {
  const own = new Set(commits.map((c) => c.sha));
  return commits.filter((c) => c.parents.length < 2 || c.parents.slice(1).some((p) => own.has(p)));
}

export async function laneScope(cwd: string, base: string, head: string, branch: string): Promise<LaneScope> {
  const [all, contained, containing] = await Promise.all([
    laneBranchTips(cwd),
    containedTips(cwd, branch, head),
    laneBranchTips(cwd, { contains: head }),
  ]);
  const related = new Set([...contained, ...containing].map((l) => l.branch));
  const start = await virtualBase(
    { dir: cwd },
    base,
    head,
    contained.map((l) => l.commit),
  );
  const [changes, logged] = await Promise.all([
    start.kind === "merged" ? diffChangesFrom(cwd, start.tree, head) : diffChanges(cwd, base, head),
    commitLog(
      cwd,
      base,
      head,
      contained.map((l) => l.commit),
    ),
  ]);
  const others = onePerLane(
    all.filter((l) => laneName(l.branch) !== laneName(branch) && !isIntegration(l.branch)),
  ).filter((l) => !related.has(l.branch));
  const otherLanes = await Promise.all(
    others.map(async (l) => ({ branch: l.branch, files: await ownFiles(cwd, base, l) })),
  );
  return {
    changes,
    commits: contained.length > 0 ? withoutForeignMerges(logged) : logged,
    contained: onePerLane(contained).map((l) => l.branch),
    otherLanes,
  };
}
