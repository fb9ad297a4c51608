// issues.labeled with `prp`: the issue becomes a PRP (intake). A `lanes:*` state label that needs a check (queued,
// waiting, paused) or an alert (needs-human) starts it (issue 19). Any other label is ignored.
import { PRP_LABEL_NAME, stateOfLabel } from "../prp-state.js";
import { onStateLabel, WATCHED_STATES } from "../team/on-state-label.js";
import { repoOf, type Handler } from "./handler.js";
import { isPrpIssue, runIntake } from "./issue-intake.js";

function watchedState(label: string | undefined) {
  const state = label === undefined ? undefined : stateOfLabel(label);
  return state !== undefined && WATCHED_STATES.includes(state) ? state : undefined;
}

export const issuesLabeled: Handler<"issues.labeled"> = {
  relevant: (payload) =>
    payload.issue.state === "open" &&
    isPrpIssue(payload) &&
    (payload.label?.name === PRP_LABEL_NAME || watchedState(payload.label?.name) !== undefined),
  async handle(payload, ctx) {
    const state = watchedState(payload.label?.name);
    if (state === undefined) return runIntake(payload, ctx);
    const checks = await onStateLabel(ctx.forRepo(repoOf(payload)), payload.issue, state);
    if (checks.length > 0) ctx.log.info({ issue: payload.issue.number, state, checks }, "prp checks started");
  },
};
