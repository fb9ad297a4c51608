// issues.edited of an open PRP: its title or body changed, so it is validated again (only before work starts).
import type { Handler } from "./handler.js";
import { isPrpIssue, runIntake } from "./issue-intake.js";

export const issuesEdited: Handler<"issues.edited"> = {
  relevant: (payload) =>
    payload.issue.state === "open" &&
    isPrpIssue(payload) &&
    (payload.changes.body !== undefined || payload.changes.title !== undefined),
  handle: (payload, ctx) => runIntake(payload, ctx, { textChanged: true }),
};
