// After a PRP is done (or its issue closed), the PRPs that waited on it are read again; each whose last
// dependency is now finished is queued. Only PRPs still blocked are touched.
import { snapshotOfIssue } from "../intake/issue-snapshot.js";
import { intakePrp } from "../intake/intake-prp.js";
import type { RepoDeps } from "../repo-deps.js";
import { currentState } from "../transition.js";

/** Finished for a dependent: done, or no longer a PRP Lanes tracks (closed outside Lanes). */
async function finished(deps: RepoDeps, issue: number): Promise<boolean> {
  const { state } = await currentState(deps.store, issue);
  return state === "done" || state === null;
}

/** Re-checks the dependents of `issue`; returns those that were queued. */
export async function recheckDependents(deps: RepoDeps, issue: number, actor: string): Promise<number[]> {
  const { store } = deps;
  const queued: number[] = [];
  for (const dependent of await store.dependentsOf(issue)) {
    const record = await store.readPrpRecord(dependent);
    if ((await currentState(store, dependent)).state !== "blocked") {
      await store.setWaitingOn(dependent, [issue], []);
      continue;
    }
    const open = [];
    for (const dep of record.waitingOn ?? []) if (!(await finished(deps, dep))) open.push(dep);
    if (open.length > 0) continue;
    const snapshot = snapshotOfIssue(await deps.github.getIssue(deps.repo, dependent));
    if (snapshot.state === "closed") continue;
    const result = await intakePrp(deps, snapshot, { actor, readyEvent: "unblocked" });
    if (result.applied && result.to === "queued") queued.push(dependent);
  }
  return queued;
}
