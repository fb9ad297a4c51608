// Turns the lanes that conflicted or broke validation into resolve jobs (or needs-human escalations),
// with both sides' commits and subjects and the failure as context.
import type { GitRepo } from "../git/git-repo.js";
import { commitSubject } from "../git/refs.js";
import type { LaneConflict } from "./merge-sequence.js";
import type { IntegrationPlan, PlannedLane } from "./plan-integration.js";
import { buildRequeueRequest, type CommitSide, type RequeueRequest } from "./resolve-job.js";

export interface Culprit {
  branch: string;
  reason: string;
  /** The tail of the failing validation's output. */
  output: string;
  /** The integration commit that passed just before this lane was merged. */
  onto: string;
}

export async function requeueRequests(
  repo: GitRepo,
  plan: IntegrationPlan,
  conflicts: readonly LaneConflict[],
  culprits: readonly Culprit[],
  maxAttempts: number,
): Promise<RequeueRequest[]> {
  const lanes = new Map(plan.order.map((l) => [l.branch, l]));
  const side = async (branch: string, commit: string, lane?: PlannedLane): Promise<CommitSide> => ({
    branch,
    prpId: lane?.id,
    title: lane?.title,
    commit,
    subject: await commitSubject(repo, commit),
  });
  const common = (lane: PlannedLane) => ({
    role: lane.role,
    branch: lane.branch,
    prpId: lane.id,
    title: lane.title,
    base: { ref: plan.base, commit: plan.baseCommit },
    integrationBranch: plan.branch,
    previousAttempts: lane.attempts,
    maxAttempts,
  });
  const requests: RequeueRequest[] = [];
  for (const conflict of conflicts) {
    const lane = lanes.get(conflict.branch) as PlannedLane;
    const ours = await Promise.all(
      conflict.with.map((branch) => {
        const other = lanes.get(branch);
        return other ? side(branch, other.commit, other) : side(branch, plan.baseCommit);
      }),
    );
    const messages = conflict.messages.filter((m) => m.type.startsWith("CONFLICT")).map((m) => m.message);
    const context = [
      `Merging ${lane.branch} into ${plan.branch} conflicts with ${conflict.with.join(", ")}.`,
      ...messages,
    ].join("\n");
    requests.push(
      buildRequeueRequest({
        ...common(lane),
        reason: "conflict",
        files: conflict.files,
        theirs: await side(lane.branch, lane.commit, lane),
        ours,
        context,
      }),
    );
  }
  for (const culprit of culprits) {
    const lane = lanes.get(culprit.branch) as PlannedLane;
    const ours = [await side(plan.branch, culprit.onto)];
    const context = `${culprit.reason}.\n\nOutput (tail):\n${culprit.output}`;
    requests.push(
      buildRequeueRequest({
        ...common(lane),
        reason: "validation",
        files: lane.files,
        theirs: await side(lane.branch, lane.commit, lane),
        ours,
        context,
      }),
    );
  }
  return requests;
}
