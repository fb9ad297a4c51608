// Merges lanes one after another, writing a merge commit per lane through one fast-import process. A lane
// whose changes are disjoint from the head's (see fast-merge.ts) is merged by replaying its file changes;
// any other lane goes through `git merge-tree`. Either way the tree is the one `git merge` would produce, and
// nothing but objects is written (no visible ref, no index, no working tree). A conflicting lane is set
// aside and the rest continue on top of the last clean merge.
import { sanitizeText } from "../text/sanitize.js";
import { openFastImportWriter, type FastImportWriter } from "../git/fast-import-writer.js";
import type { GitRepo } from "../git/git-repo.js";
import { mergeTree, type MergeMessage } from "../git/merge-tree.js";
import { treeOf } from "../git/refs.js";
import { treeChanges, type TreeChange } from "../git/tree-changes.js";
import { UnrelatedHistoriesError } from "./errors.js";
import { prepareFastMerge, type FastMerge } from "./fast-merge.js";
import type { PlannedLane, SkippedLane } from "./plan-integration.js";

export interface MergeStep {
  lane: PlannedLane;
  /** The integration commit once this lane (and every step before it) is merged. */
  commit: string;
}

export interface LaneConflict {
  branch: string;
  files: string[];
  /** The earlier lanes (or the base ref) whose changes it conflicts with. */
  with: string[];
  messages: MergeMessage[];
  /** The integration commit it failed to merge onto. */
  onto: string;
}

export interface MergeSequence {
  head: string;
  steps: MergeStep[];
  conflicts: LaneConflict[];
  skipped: SkippedLane[];
}

export interface SequenceInput {
  base: string;
  baseCommit: string;
  branch: string;
  lanes: readonly PlannedLane[];
  /** PRP ids already merged into the base. */
  merged: readonly string[];
}

export async function mergeSequence(repo: GitRepo, input: SequenceInput): Promise<MergeSequence> {
  // The head is a commit id, or the mark of a commit fast-import has not answered yet.
  let head = input.baseCommit;
  let headTree: string | undefined;
  const { writer, fast } = await openTogether(repo, input);
  const mergedIds = new Set(input.merged);
  const steps: MergeStep[] = [];
  const conflicts: LaneConflict[] = [];
  const skipped: SkippedLane[] = [];
  // Replayed lanes are queued without waiting for fast-import's answers: one round trip per run of them.
  const queued: { lane: PlannedLane; written: Promise<{ commit: string; tree: string }> }[] = [];
  const replay = (lane: PlannedLane, changes: readonly TreeChange[]) => {
    const { mark, written } = writer.queue({
      parents: [head, lane.commit],
      message: mergeMessage(lane, input.branch),
      changes,
    });
    queued.push({ lane, written });
    fast.record(lane, changes);
    head = mark;
    mergedIds.add(lane.id);
  };
  /** The queued commits' ids, in order: the steps, and the head as a commit id again. */
  const settle = async () => {
    for (const { lane, written } of queued.splice(0)) {
      ({ commit: head, tree: headTree } = await written);
      steps.push({ lane, commit: head });
    }
  };
  try {
    for (const lane of input.lanes) {
      const unmet = lane.dependsOn.filter((d) => !mergedIds.has(d));
      if (unmet.length > 0) {
        const reason = `its dependencies ${unmet.join(", ")} were not merged in this integration`;
        skipped.push({ branch: lane.branch, kind: "dependency-not-merged", reason });
        continue;
      }
      const disjoint = fast.changesFor(lane);
      if (disjoint) {
        replay(lane, disjoint);
        continue;
      }
      await settle();
      // merge-tree reads the head from the object database: commits fast-import holds must be written first
      // (nothing to do when the head came from merge-tree too).
      await writer.flush();
      const merge = await mergeTree(repo, head, lane.commit);
      headTree ??= await treeOf(repo, head);
      if (merge.kind === "unrelated") {
        skipped.push({
          branch: lane.branch,
          kind: "unrelated-histories",
          reason: new UnrelatedHistoriesError(lane.branch, input.base).message,
        });
      } else if (merge.kind === "conflict") {
        const files = [...merge.files].sort();
        conflicts.push({
          branch: lane.branch,
          files,
          with: conflictPartners(steps, files, input.base),
          messages: merge.messages,
          onto: head,
        });
      } else if (merge.tree === headTree) {
        // Its changes are already in: an earlier lane contained this branch.
        skipped.push({
          branch: lane.branch,
          kind: "already-merged",
          reason: `branch "${lane.branch}" adds nothing beyond the lanes merged before it`,
        });
        mergedIds.add(lane.id);
      } else {
        // The merged tree is already in the object database: only the commit is left to write.
        const changed = lane.changes ?? (await treeChanges(repo, headTree, merge.tree));
        head = await writer.commitTree({
          tree: merge.tree,
          parents: [head, lane.commit],
          message: mergeMessage(lane, input.branch),
        });
        headTree = merge.tree;
        // What the merge changed in the head lies within the lane's own changes (a rename's both sides are
        // among them); recording more than changed only sends more lanes to merge-tree. A lane without one
        // fork point has no such list: its merge is diffed (one process, only then).
        fast.record(lane, changed);
        steps.push({ lane, commit: head });
        mergedIds.add(lane.id);
      }
    }
    await settle();
  } catch (error) {
    // The loop's error is the one to report: closing may fail too (the same fast-import failure, or cleanup).
    await writer.close().catch(() => undefined);
    throw error;
  }
  await writer.close();
  return { head, steps, conflicts, skipped };
}

/** Starts the writer and the fast-merge preparation together; when either fails, the writer is closed. */
async function openTogether(
  repo: GitRepo,
  input: SequenceInput,
): Promise<{ writer: FastImportWriter; fast: FastMerge }> {
  const [writer, fast] = await Promise.allSettled([
    openFastImportWriter(repo),
    prepareFastMerge(repo, input.baseCommit, input.lanes),
  ]);
  if (writer.status === "fulfilled" && fast.status === "fulfilled")
    return { writer: writer.value, fast: fast.value };
  // An open writer's fast-import process waits on stdin until closed: left open, it would outlive the call.
  if (writer.status === "fulfilled") await writer.value.close().catch(() => undefined);
  throw writer.status === "rejected" ? writer.reason : (fast as PromiseRejectedResult).reason;
}

/** Earlier merged lanes that changed any of the conflicted files; the base when none did. */
function conflictPartners(steps: readonly MergeStep[], files: readonly string[], base: string): string[] {
  const partners = steps.filter((s) => s.lane.files.some((f) => files.includes(f))).map((s) => s.lane.branch);
  return partners.length > 0 ? partners : [base];
}

function mergeMessage(lane: PlannedLane, into: string): string {
  const title = lane.title ? sanitizeText(lane.title, { newlines: false, tabs: false }) : "";
  const prp = title ? `PRP ${lane.id}: ${title}` : `PRP ${lane.id}`;
  return `Merge branch '${lane.branch}' into ${into}\n\n${prp}\n`;
}
