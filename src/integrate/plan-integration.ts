// Plans an integration (reads only, writes no ref): resolves the base and every lane, orders them,
// sets aside missing, unrelated and already-merged lanes, and predicts conflicts. The plan is a plain value.
import { changedFiles } from "../git/changed-files.js";
import type { GitRepo } from "../git/git-repo.js";
import { laneHistories, type LaneHistory } from "../git/commits-beyond.js";
import { mergeBases, resolveCommits } from "../git/refs.js";
import { commitChanges, type TreeChange } from "../git/tree-changes.js";
import { BaseNotFoundError, LaneMissingError, UnrelatedHistoriesError } from "./errors.js";
import { LaneSchema, type Lane, type LaneInput } from "./lane.js";
import { mapLimit } from "./map-limit.js";
import { orderLanes } from "./order-lanes.js";
import { confirmConflicts, overlapMatrix, type LanePair } from "./predict-conflicts.js";

export type SkipKind =
  "missing" | "unrelated-histories" | "already-merged" | "unorderable" | "dependency-not-merged";

export interface SkippedLane {
  branch: string;
  kind: SkipKind;
  reason: string;
}

export interface PlannedLane extends Lane {
  commit: string;
  files: string[];
  /** Its merge base with the base commit, when there is exactly one (a criss-cross history has several). */
  fork?: string;
  /** What it changed since the fork (mode and object of each path), when there is one fork. */
  changes?: TreeChange[];
  /** The commits it has that the base does not. */
  beyond?: string[];
}

export interface IntegrationPlan {
  dir: string;
  base: string;
  baseCommit: string;
  /** The branch the apply step writes: lanes/integration/<yyyy-mm-dd>. */
  branch: string;
  /** PRP ids already merged into the base. */
  merged: string[];
  order: PlannedLane[];
  skipped: SkippedLane[];
  overlaps: LanePair[];
  predictedConflicts: LanePair[];
  validate: string[];
}

export interface PlanInput {
  base: string;
  lanes: readonly LaneInput[];
  /** The day the integration branch is named after (YYYY-MM-DD). */
  date: string;
  roleOrder?: readonly string[];
  merged?: readonly string[];
  validate?: readonly string[];
  /** Dry-merge every overlapping pair to predict conflicts (default true; applying does not need it). */
  predictConflicts?: boolean;
  /** The branch to write instead of lanes/integration/<date>. */
  branch?: string;
  /** Refs the caller already resolved (one read for several questions); the rest are resolved here. */
  resolved?: ReadonlyMap<string, string | undefined>;
}

/** Git reads run side by side during planning (they only read). */
const CONCURRENCY = 4;

export const integrationBranch = (date: string): string => `lanes/integration/${date}`;

/** Today's date in UTC as YYYY-MM-DD, from an injectable clock. */
export const isoDate = (now: Date): string => now.toISOString().slice(0, 10);

export async function planIntegration(repo: GitRepo, input: PlanInput): Promise<IntegrationPlan> {
  const lanes = input.lanes.map((l) => LaneSchema.parse(l));
  const merged = [...(input.merged ?? [])];
  const { order, unordered } = orderLanes(lanes, { roleOrder: input.roleOrder, merged: new Set(merged) });
  const skipped: SkippedLane[] = unordered.map(({ lane, error }) => ({
    branch: lane.branch,
    kind: "unorderable",
    reason: error.message,
  }));
  // The base and every lane resolved by one cat-file, their histories walked by one rev-list.
  const refOf = (lane: Lane) => lane.commit ?? lane.branch;
  const commits = await resolveCommits(repo, [input.base, ...order.map(refOf)], input.resolved);
  const baseCommit = commits.get(input.base);
  if (baseCommit === undefined) throw new BaseNotFoundError(input.base, repo.dir);
  const tips = [...new Set(order.flatMap((l) => commits.get(refOf(l)) ?? []))];
  const histories = await laneHistories(repo, baseCommit, tips);
  const inspected = await mapLimit(order, CONCURRENCY, (lane) =>
    inspectLane(repo, input.base, baseCommit, lane, commits.get(refOf(lane)), histories),
  );
  const found: PlannedLane[] = [];
  const idOf = new Map(order.map((l) => [l.branch, l.id]));
  for (const lane of inspected) {
    if (!("kind" in lane)) found.push(lane);
    else {
      skipped.push(lane);
      // a lane the base already contains (an earlier integration) satisfies the lanes that depend on it
      const id = idOf.get(lane.branch);
      if (lane.kind === "already-merged" && id !== undefined && !merged.includes(id)) merged.push(id);
    }
  }
  const planned = await withChanges(repo, baseCommit, found);
  const overlaps = overlapMatrix(planned);
  // Predicting costs a merge-tree per overlapping pair; applying finds the real conflicts anyway.
  const predictedConflicts =
    input.predictConflicts === false ? [] : await confirmConflicts(repo, planned, overlaps, CONCURRENCY);
  return {
    dir: repo.dir,
    base: input.base,
    baseCommit,
    branch: input.branch ?? integrationBranch(input.date),
    merged,
    order: planned,
    skipped,
    overlaps,
    predictedConflicts,
    validate: [...(input.validate ?? [])],
  };
}

/** Each lane's changes since its fork, from one batched diff-tree (a lane without one fork: its own diff). */
async function withChanges(
  repo: GitRepo,
  baseCommit: string,
  lanes: readonly PlannedLane[],
): Promise<PlannedLane[]> {
  const forked = lanes.filter((l) => l.fork !== undefined);
  const changes = await commitChanges(
    repo,
    forked.map((l) => ({ from: l.fork as string, to: l.commit })),
  );
  const byCommit = new Map(forked.map((l, i) => [l.commit, changes[i] as TreeChange[]]));
  return mapLimit(lanes, CONCURRENCY, async (lane) => {
    const own = byCommit.get(lane.commit);
    // Several merge bases: `git diff base...lane` picks one, as merge-tree's virtual base would not; only names are used.
    const files = own ? own.map((c) => c.path) : await changedFiles(repo, baseCommit, lane.commit);
    return { ...lane, files, ...(own && { changes: own }) };
  });
}

async function inspectLane(
  repo: GitRepo,
  base: string,
  baseCommit: string,
  lane: Lane,
  commit: string | undefined,
  histories: ReadonlyMap<string, LaneHistory>,
): Promise<PlannedLane | SkippedLane> {
  if (commit === undefined) {
    const reason = lane.commit
      ? `commit ${lane.commit} of branch "${lane.branch}" is not in this repository; fetch it first`
      : new LaneMissingError(lane.branch).message;
    return { branch: lane.branch, kind: "missing", reason };
  }
  const history = histories.get(commit) ?? { beyond: new Set<string>(), boundary: [] };
  // The lane's tip is reachable from the base: there is nothing left to merge.
  if (history.beyond.size === 0) {
    return {
      branch: lane.branch,
      kind: "already-merged",
      reason: `branch "${lane.branch}" is already merged into ${base}`,
    };
  }
  if (history.boundary.length === 0) {
    return {
      branch: lane.branch,
      kind: "unrelated-histories",
      reason: new UnrelatedHistoriesError(lane.branch, base).message,
    };
  }
  // Several boundary commits (the lane merged the base more than once): only merge-base knows the best ones.
  const bases = history.boundary.length === 1 ? history.boundary : await mergeBases(repo, baseCommit, commit);
  const fork = bases.length === 1 ? bases[0] : undefined;
  return { ...lane, commit, files: [], ...(fork && { fork }), beyond: [...history.beyond] };
}
