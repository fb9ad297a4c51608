// pull_request.closed and merged: the PRPs the PR completes — its lane branch's issue and the issues its body
// closes — become done, their issues are closed and their dependents re-checked. Open PRs stacked on the
// merged lane's branch are retargeted to the branch it merged into, so they keep showing only their own
// changes. A merged integration PR (`lanes/integration/…`) also dispatches the deploy workflow
// (team/deploy). Unmerged closes, and PRs that are neither lane nor integration PRs nor close a PRP Lanes
// tracks, are ignored.
import { closingIssueNumbers } from "../../prp/closing-refs.js";
import { completePrp } from "../lifecycle/complete-prp.js";
import { dispatchDeploy } from "../team/deploy.js";
import { currentState } from "../transition.js";
import { repoOf, type Handler } from "./handler.js";

const LANE_BRANCH = /^lanes\/(?!integration\/)[a-z_]+\/(\d+)-/;
export const INTEGRATION_BRANCH = /^lanes\/integration\//;

export function laneIssueOf(headRef: string): number | undefined {
  const match = LANE_BRANCH.exec(headRef);
  return match ? Number(match[1]) : undefined;
}

export const pullRequestClosed: Handler<"pull_request.closed"> = {
  relevant: (payload) =>
    payload.pull_request.merged === true &&
    (laneIssueOf(payload.pull_request.head.ref) !== undefined ||
      INTEGRATION_BRANCH.test(payload.pull_request.head.ref) ||
      /\b(close|fix|resolve)/i.test(payload.pull_request.body ?? "")),
  async handle(payload, ctx) {
    const repo = repoOf(payload);
    const deps = ctx.forRepo(repo);
    const pr = payload.pull_request;
    const lane = laneIssueOf(pr.head.ref);
    const candidates = [
      ...new Set([...(lane === undefined ? [] : [lane]), ...closingIssueNumbers(pr.body, repo)]),
    ];
    let laneDone = false;
    for (const issue of candidates) {
      // an issue that is not the lane's own is completed only when Lanes tracks it
      if (issue !== lane && (await currentState(deps.store, issue)).state === null) continue;
      const done = await completePrp(
        deps,
        issue,
        { url: pr.html_url, number: pr.number },
        payload.sender.login,
      );
      ctx.log.info({ issue, pr: pr.number, ...done }, done ? "prp done" : "merge changed nothing");
      if (issue === lane && done) laneDone = true;
    }
    // once per merge (a redelivery changes nothing above, so it asks nothing here)
    if (laneDone)
      for (const stacked of await deps.github.listPulls(repo, { state: "open", base: pr.head.ref })) {
        await deps.github.updatePull(repo, stacked.number, { base: pr.base.ref });
        ctx.log.info({ pr: stacked.number, from: pr.head.ref, to: pr.base.ref }, "stacked PR retargeted");
      }
    if (INTEGRATION_BRANCH.test(pr.head.ref)) {
      await deps.store.appendAudit({
        type: "integration-merged",
        actor: payload.sender.login,
        data: `#${pr.number}`,
      });
      const workflow = await dispatchDeploy(deps, { number: pr.number, base: pr.base.ref });
      if (workflow) ctx.log.info({ pr: pr.number, workflow }, "deploy dispatched");
    }
  },
};
