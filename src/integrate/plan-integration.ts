// Plans an integration (reads only, writes no ref): resolves the base and every lane, orders them,
// sets aside missing, unrelated and already-merged lanes, and predicts conflicts. The plan is a plain value.
import { changedFiles } from "../git/changed-files.js";
import type { GitRepo } from "../git/git-repo.js";
import { commitsBeyond } from "../git/commits-beyond.js";
import { mergeBases, resolveCommit, resolveCommits } from "../git/refs.js";
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
}

/** Git reads run side by side during planning (they only read). */
const CONCURRENCY = 4;

export const integrationBranch = (date: string): string => `lanes/integration/${date}`;

/** Today's date in UTC as YYYY-MM-DD, from an injectable clock. */
export const isoDate = (now: Date): string => now.toISOString().slice(0, 10);

export async function planIntegration(repo: GitRepo, input: PlanInput): Promise<IntegrationPlan> {
  const baseCommit = await resolveCommit(repo, input.base);
  if (baseCommit === undefined) throw new BaseNotFoundError(input.base, repo.dir);
  const lanes = input.lanes.map((l) => LaneSchema.parse(l));
  const merged = [...(input.merged ?? [])];
  const { order, unordered } = orderLanes(lanes, { roleOrder: input.roleOrder, merged: new Set(merged) });
  const skipped: SkippedLane[] = unordered.map(({ lane, error }) => ({
    branch: lane.branch,
    kind: "unorderable",
    reason: error.message,
  }));
  const commits = await resolveCommits(
    repo,
    order.map((l) => l.branch),
  );
  const inspected = await mapLimit(order, CONCURRENCY, (lane) =>
    inspectLane(repo, input.base, baseCommit, lane, commits.get(lane.branch)),
  );
  const found: PlannedLane[] = [];
  for (const lane of inspected) {
    if ("kind" in lane) skipped.push(lane);
    else found.push(lane);
  }
  const planned = await withChanges(repo, baseCommit, found);
  const overlaps = overlapMatrix(planned);
  const predictedConflicts = await confirmConflicts(repo, planned, overlaps, CONCURRENCY);
  return {
    dir: repo.dir,
    base: input.base,
    baseCommit,
    branch: integrationBranch(input.date),
    merged,
    order: planned,
    skipped,
    overlaps,
    predictedConflicts,
    validate: [...(input.validate ?? [])],
  };
}

/** Each lane's changes since its fork (one batched diff-tree) and its own commits (one rev-list). */
async function withChanges(
  repo: GitRepo,
  baseCommit: string,
  lanes: readonly PlannedLane[],
): Promise<PlannedLane[]> {
  const forked = lanes.filter((l) => l.fork !== undefined);
  const [changes, beyond] = await Promise.all([
    commitChanges(
      repo,
      forked.map((l) => ({ from: l.fork as string, to: l.commit })),
    ),
    commitsBeyond(repo, baseCommit, [...new Set(lanes.map((l) => l.commit))]),
  ]);
  const byCommit = new Map(forked.map((l, i) => [l.commit, changes[i] as TreeChange[]]));
  return mapLimit(lanes, CONCURRENCY, async (lane) => {
    const own = byCommit.get(lane.commit);
    // Several merge bases: `git diff base...lane` picks one, as merge-tree's virtual base would not; only names are used.
    const files = own ? own.map((c) => c.path) : await changedFiles(repo, baseCommit, lane.commit);
    return { ...lane, files, ...(own && { changes: own }), beyond: [...(beyond.get(lane.commit) ?? [])] };
  });
}

async function inspectLane(
  repo: GitRepo,
  base: string,
  baseCommit: string,
  lane: Lane,
  commit: string | undefined,
): Promise<PlannedLane | SkippedLane> {
  if (commit === undefined)
    return { branch: lane.branch, kind: "missing", reason: new LaneMissingError(lane.branch).message };
  const bases = await mergeBases(repo, baseCommit, commit);
  if (bases.length === 0) {
    return {
      branch: lane.branch,
      kind: "unrelated-histories",
      reason: new UnrelatedHistoriesError(lane.branch, base).message,
    };
  }
  // The lane's tip is reachable from the base: there is nothing left to merge.
  if (bases.includes(commit)) {
    return {
      branch: lane.branch,
      kind: "already-merged",
      reason: `branch "${lane.branch}" is already merged into ${base}`,
    };
  }
  const fork = bases.length === 1 ? bases[0] : undefined;
  return { ...lane, commit, files: [], ...(fork && { fork }) };
}
