// issues.opened with the `prp` label already on it: intake, as for a label added later.
import type { Handler } from "./handler.js";
import { isPrpIssue, runIntake } from "./issue-intake.js";

export const issuesOpened: Handler<"issues.opened"> = {
  relevant: (payload) => isPrpIssue(payload),
  handle: (payload, ctx) => runIntake(payload, ctx),
};
