// issues.closed of a PRP: withdrawn (a running lane is stopped), and PRPs that waited on it are re-checked,
// since a closed dependency no longer blocks them. A PRP in review is left to its PR: merging it completes
// the PRP, whichever of the two events arrives first.
import { recheckDependents } from "../lifecycle/recheck-dependents.js";
import { withdrawPrp } from "../lifecycle/withdraw-prp.js";
import { currentState } from "../transition.js";
import { labelNames } from "../intake/issue-snapshot.js";
import { repoOf, type Handler } from "./handler.js";
import { isPrpIssue } from "./issue-intake.js";

const LEFT_TO_THE_PR = new Set(["review", "done"]);

export const issuesClosed: Handler<"issues.closed"> = {
  relevant: (payload) => isPrpIssue(payload),
  async handle(payload, ctx) {
    const deps = ctx.forRepo(repoOf(payload));
    const labels = labelNames(payload.issue.labels);
    const { state } = await currentState(deps.store, payload.issue.number, labels);
    if (state !== null && LEFT_TO_THE_PR.has(state)) return;
    const result = await withdrawPrp(
      deps,
      { number: payload.issue.number, labels, comments: payload.issue.comments },
      { actor: payload.sender.login, reason: `issue closed by @${payload.sender.login}` },
    );
    const unblocked = await recheckDependents(deps, payload.issue.number, payload.sender.login);
    ctx.log.info({ issue: payload.issue.number, ...result, unblocked }, "prp closed");
  },
};
