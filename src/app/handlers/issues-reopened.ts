// issues.reopened of a PRP: closing withdrew it, so it goes through intake again.
import type { Handler } from "./handler.js";
import { isPrpIssue, runIntake } from "./issue-intake.js";

export const issuesReopened: Handler<"issues.reopened"> = {
  relevant: (payload) => isPrpIssue(payload),
  handle: (payload, ctx) => runIntake(payload, ctx),
};
