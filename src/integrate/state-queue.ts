// The IntegrationQueue on the Redis state store: a conflicting or culprit lane becomes a `resolve` job in
// its owner's queue, or a job parked in needs-human once its resolve attempts are used up. Job ids are
// `resolve:<branch>:<attempt>`, so running the same integration twice does not queue the work twice, and
// the attempts a lane already had can be read back from the store.
import { PRP_LIMITS } from "../domain/limits.js";
import { isRoleName, type RoleName } from "../domain/role-names.js";
import type { StateStore } from "../state/create-state-store.js";
import type { IntegrationQueue } from "./integration-queue.js";
import type { RequeueRequest, ResolveJob } from "./resolve-job.js";

type QueueStore = Pick<StateStore, "enqueue" | "findJob">;

export interface StateQueue extends IntegrationQueue {
  /** How many resolve jobs this lane has had already (the highest attempt found in the store). */
  attemptsSoFar(branch: string, maxAttempts: number): Promise<number>;
}

/** A job id from a branch name: characters job ids do not allow become "-". */
export const resolveJobId = (branch: string, attempt: number): string =>
  `resolve:${branch.replace(/[^A-Za-z0-9._/@-]/g, "-")}:${attempt}`.slice(0, 200);

const roleOf = (job: ResolveJob): RoleName => (isRoleName(job.role) ? job.role : "integrator");

/** PRP ids that are issue numbers are stored as numbers, backlog ids as text. */
const issueOf = (prpId: string): number | string => (/^[1-9]\d*$/.test(prpId) ? Number(prpId) : prpId);

export function stateQueue(store: QueueStore, repo: string): StateQueue {
  return {
    async requeue(request: RequeueRequest) {
      const { job } = request;
      const input = {
        id: resolveJobId(job.branch, job.attempt),
        repo,
        issue: issueOf(job.prpId),
        role: roleOf(job),
        priority: "high" as const,
        title:
          `Resolve ${job.reason === "conflict" ? "conflicts" : "validation failure"} of ${job.title ?? job.branch}`.slice(
            0,
            PRP_LIMITS.title,
          ),
        kind: "resolve" as const,
        payload: JSON.parse(JSON.stringify(job)) as Record<string, never>,
      };
      await store.enqueue(input, request.target === "needs-human" ? { needsHuman: request.why } : {});
    },
    async attemptsSoFar(branch, maxAttempts) {
      let attempts = 0;
      while (attempts <= maxAttempts && (await store.findJob(resolveJobId(branch, attempts + 1))) !== null)
        attempts += 1;
      return attempts;
    },
  };
}
