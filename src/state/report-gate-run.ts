// One gate result as every writer reports it (the App's check_run handler, the demo's local gates): kept as
// a gate attempt, the PRP record's gates set to the head commit's latest results, and an audit entry `gate`
// (`<issue> <gate> <conclusion> <sha7>`) so the dashboard's live feed redraws. A repeated report is a no-op.
import type { StateStore } from "./create-state-store.js";
import { summarizeGateRuns, type GateRun } from "./gate-runs.js";

export type GateReportStore = Pick<
  StateStore,
  "recordGateRun" | "gateRuns" | "patchPrpRecord" | "appendAudit"
>;

/** Returns false when the run was reported before. */
export async function reportGateRun(store: GateReportStore, run: GateRun, actor?: string): Promise<boolean> {
  if (!(await store.recordGateRun(run))) return false;
  const summary = summarizeGateRuns(run.issue, await store.gateRuns(run.issue));
  if (summary) await store.patchPrpRecord(run.issue, { gates: summary.latest });
  await store.appendAudit({
    type: "gate",
    ...(actor ? { actor } : {}),
    data: `${run.issue} ${run.gate} ${run.conclusion} ${run.sha.slice(0, 7)}`,
  });
  return true;
}
