// issues.labeled with `prp`: the issue becomes a PRP (intake). Any other label is ignored.
import { PRP_LABEL_NAME } from "../prp-state.js";
import type { Handler } from "./handler.js";
import { isPrpIssue, runIntake } from "./issue-intake.js";

export const issuesLabeled: Handler<"issues.labeled"> = {
  relevant: (payload) =>
    payload.label?.name === PRP_LABEL_NAME && payload.issue.state === "open" && isPrpIssue(payload),
  handle: (payload, ctx) => runIntake(payload, ctx),
};
