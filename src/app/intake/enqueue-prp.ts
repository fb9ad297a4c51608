// Puts a ready PRP on its role's queue (one job per intake; an earlier queued job of the PRP is cancelled),
// and takes a PRP's job out of the queue when it is blocked, invalid or withdrawn.
import { PRP_LIMITS } from "../../domain/limits.js";
import type { RoleName } from "../../domain/role-names.js";
import type { Prp } from "../../prp/index.js";
import type { LanePayload } from "../../runner/job-port.js";
import type { StateStore } from "../../state/index.js";
import type { RepoDeps } from "../repo-deps.js";
import { repoName } from "../repo-deps.js";

export function lanePayloadOf(prp: Prp): LanePayload {
  return {
    dependsOn: prp.dependsOn,
    body: prp.body,
    criteria: prp.criteria.map((c) => c.text),
    paths: prp.paths,
    validation: prp.validation,
    ...(prp.model ? { model: prp.model } : {}),
    ...(prp.agentScript ? { script: prp.agentScript } : {}),
  };
}

const WAITING_JOB = new Set(["queued", "delayed"]);

/**
 * Cancels the PRP's open job, if any; true when one was cancelled. `waitingOnly` leaves a job alone once a
 * supervisor has claimed it (an edit must not stop a lane that just started).
 */
export async function cancelPrpJob(
  store: StateStore,
  issue: number,
  options: { waitingOnly?: boolean } = {},
): Promise<boolean> {
  const { jobId } = await store.readPrpRecord(issue);
  if (!jobId) return false;
  const job = await store.findJob(jobId);
  if (!job || job.state === "done" || job.state === "cancelled") return false;
  if (options.waitingOnly && !WAITING_JOB.has(job.state)) return false;
  return store.cancel(jobId);
}

export async function enqueuePrp(
  deps: Pick<RepoDeps, "store" | "repo">,
  issue: number,
  prp: Prp,
  role: RoleName,
): Promise<string> {
  const { store } = deps;
  await cancelPrpJob(store, issue, { waitingOnly: true });
  const id = `issue-${issue}-${Date.now().toString(36)}`;
  await store.enqueue({
    id,
    repo: repoName(deps.repo),
    issue,
    role,
    priority: prp.priority,
    title: prp.title.slice(0, PRP_LIMITS.title) || `#${issue}`,
    kind: "build",
    payload: { prp: lanePayloadOf(prp) },
  });
  await store.patchPrpRecord(issue, { jobId: id });
  return id;
}
