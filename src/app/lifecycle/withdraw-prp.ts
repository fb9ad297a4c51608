// Withdraws a PRP (`prp` removed, issue closed): its state label goes, its job is cancelled — a running lane
// learns it from its next heartbeat, stops, and its worktree is removed on the runner host.
import type { RepoDeps } from "../repo-deps.js";
import { cancelPrpJob } from "../intake/enqueue-prp.js";
import type { TransitionResult } from "../transition.js";
import { updatePrp } from "./update-prp.js";

export async function withdrawPrp(
  deps: RepoDeps,
  issue: { number: number; labels: string[]; comments?: number },
  options: { actor: string; reason: string },
): Promise<TransitionResult> {
  const { store } = deps;
  const result = await updatePrp(deps, {
    issue: issue.number,
    event: "withdrawn",
    actor: options.actor,
    labels: issue.labels,
    note: options.reason,
    hasComments: (issue.comments ?? 1) > 0,
  });
  if (!result.applied) return result;
  await cancelPrpJob(store, issue.number);
  const record = await store.readPrpRecord(issue.number);
  await store.setWaitingOn(issue.number, record.waitingOn ?? [], []);
  return result;
}
