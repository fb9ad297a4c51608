// What GitHub does when a pull request becomes merged: the PR and its issue close, pull_request.closed
// (merged) is sent, and on the default branch the issues its body closes ("Closes #12") close too.
// A PR also becomes merged without its merge button: once its head commit is reachable from its base
// (an integration PR merged, a direct push), GitHub marks it merged — so one merge closes every lane in it.
import { isAncestor } from "./bare-repo.js";
import { emit, type EventContext } from "./handler.js";
import { closingIssueNumbers } from "../prp/closing-refs.js";
import { renderIssue, renderPull } from "./render-resources.js";
import type { SandboxIssue, SandboxPull } from "./state.js";

export interface MergeFacts {
  /** The base's tip after the merge: the merge commit, or the pushed commit that contains the head. */
  commit: string;
  /** The base's tip before the merge. */
  before: string;
}

/** Marks an open PR merged by ctx.actor and sends what GitHub sends for it. */
export function completeMerge(
  ctx: EventContext,
  pull: SandboxPull,
  issue: SandboxIssue,
  facts: MergeFacts,
): void {
  const now = ctx.state.now();
  Object.assign(pull, {
    merged: true,
    mergedAt: now,
    mergedBy: ctx.actor.login,
    mergeCommitSha: facts.commit,
    baseSha: facts.before,
  });
  Object.assign(issue, { state: "closed", closedAt: now, updatedAt: now, stateReason: "completed" });
  emit(ctx, "pull_request", {
    action: "closed",
    number: pull.number,
    pull_request: renderPull(ctx.state, ctx.repo, pull, issue),
  });
  if (pull.base === ctx.repo.defaultBranch) closeLinkedIssues(ctx, issue.body, now);
}

/** After `branch` moved to `update.after`: every open PR into it whose head is now reachable is merged. */
export async function mergeReachablePulls(
  ctx: EventContext,
  branch: string,
  update: { before: string; after: string },
): Promise<void> {
  for (const pull of [...ctx.repo.pulls.values()].sort((a, b) => a.number - b.number)) {
    const issue = ctx.repo.issues.get(pull.number);
    if (!issue || issue.state !== "open" || pull.merged || pull.base !== branch) continue;
    if (!(await isAncestor(ctx.repo.gitDir, pull.headSha, update.after))) continue;
    completeMerge(ctx, pull, issue, { commit: update.after, before: update.before });
  }
}

function closeLinkedIssues(ctx: EventContext, body: string | null, now: string): void {
  for (const number of closingIssueNumbers(body, { owner: ctx.repo.owner, repo: ctx.repo.name })) {
    const linked = ctx.repo.issues.get(number);
    if (!linked || linked.isPull || linked.state !== "open") continue;
    Object.assign(linked, { state: "closed", closedAt: now, updatedAt: now, stateReason: "completed" });
    emit(ctx, "issues", { action: "closed", issue: renderIssue(ctx.state, ctx.repo, linked) });
  }
}
