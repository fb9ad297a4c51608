// A PRP's state change or progress note, with its status comment kept up to date: the entry point the App,
// the supervisor and commands share. A transition the table refuses changes nothing (no note, no comment).
import type { PrpRecord } from "../../state/index.js";
import type { RepoDeps } from "../repo-deps.js";
import { publishStatus } from "../status/publish-status.js";
import { clearResolvedFlags } from "../team/prp-flags.js";
import { transition, type TransitionRequest, type TransitionResult } from "../transition.js";
import { TRANSITIONS } from "../transitions.js";

export interface PrpUpdate extends TransitionRequest {
  /** What happened, for the status comment's events (the table's reason when absent). */
  note?: string;
  /** Facts to record when the transition applies: branch, PR, attempts, errors … */
  facts?: PrpRecord;
  /** false when the webhook payload says the issue has no comments (no need to look for ours). */
  hasComments?: boolean;
}

function describe(update: PrpUpdate, result: TransitionResult & { applied: true }): string {
  const why = update.note ?? TRANSITIONS.find((r) => r.event === update.event)?.why ?? update.event;
  return `${result.from ?? "(none)"} → ${result.to ?? "(none)"}: ${why} (${update.actor})`;
}

/**
 * Transitions the PRP; when it applied, records the facts and the event, clears the flags the new state
 * resolves, and rewrites the status comment.
 */
export async function updatePrp(deps: RepoDeps, update: PrpUpdate): Promise<TransitionResult> {
  const result = await transition(deps, update);
  if (!result.applied) return result;
  if (update.facts) await deps.store.patchPrpRecord(update.issue, update.facts);
  await deps.store.addPrpEvent(update.issue, describe(update, result));
  await clearResolvedFlags(deps, update.issue, result.to, update.actor);
  await publishStatus(deps, update.issue, { hasComments: update.hasComments });
  return result;
}

/** A progress note without a state change (working, gate results, paused until …): one comment edit. */
export async function notePrp(deps: RepoDeps, issue: number, text: string, facts?: PrpRecord): Promise<void> {
  if (facts) await deps.store.patchPrpRecord(issue, facts);
  await deps.store.addPrpEvent(issue, text);
  await publishStatus(deps, issue);
}
