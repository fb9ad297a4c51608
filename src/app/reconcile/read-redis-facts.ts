// What Redis still knows about each PRP, so reconcile leaves alone what is in step and rebuilds only the rest.
import type { StateStore } from "../../state/index.js";
import { issueStateKey } from "../transition.js";
import type { RedisFacts } from "./plan-reconcile.js";

const OPEN_JOB = new Set(["queued", "delayed", "active", "paused", "needs-human"]);

export async function readRedisFacts(
  store: Pick<StateStore, "readIssueState" | "readPrpRecord" | "findJob">,
  issues: readonly number[],
): Promise<Map<number, RedisFacts>> {
  const facts = new Map<number, RedisFacts>();
  for (const issue of issues) {
    const state = await store.readIssueState(issueStateKey(issue));
    const { jobId } = await store.readPrpRecord(issue);
    const job = jobId ? await store.findJob(jobId) : null;
    facts.set(issue, { state, openJob: job !== null && OPEN_JOB.has(job.state) });
  }
  return facts;
}
