// Shared by the issue handlers that read a PRP: which deliveries concern a PRP, and running intake on one.
import { intakePrp } from "../intake/intake-prp.js";
import { labelNames, snapshotOfPayload } from "../intake/issue-snapshot.js";
import { PRP_LABEL_NAME } from "../prp-state.js";
import { repoOf, type HandlerContext } from "./handler.js";

interface IssuePayload {
  issue: Parameters<typeof snapshotOfPayload>[0] & { pull_request?: unknown };
  repository: { owner: { login: string }; name: string };
  sender: { login: string };
}

export function isPrpIssue(payload: IssuePayload): boolean {
  if (payload.issue.pull_request !== undefined) return false;
  return labelNames(payload.issue.labels).includes(PRP_LABEL_NAME);
}

export async function runIntake(
  payload: IssuePayload,
  ctx: HandlerContext,
  options: { textChanged?: boolean } = {},
): Promise<void> {
  const deps = ctx.forRepo(repoOf(payload));
  const result = await intakePrp(deps, snapshotOfPayload(payload.issue), {
    actor: payload.sender.login,
    ...options,
  });
  ctx.log.info({ issue: payload.issue.number, ...result }, "prp intake");
}
