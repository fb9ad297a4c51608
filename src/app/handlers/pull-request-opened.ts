// pull_request.opened for a lane branch (`lanes/<role>/<n>-…`) or an integration branch
// (`lanes/integration/…`): the owners of the paths it touches are asked to review it (team/request-reviews).
import { requestOwnerReviews } from "../team/request-reviews.js";
import { repoOf, type Handler } from "./handler.js";
import { INTEGRATION_BRANCH, laneIssueOf } from "./pull-request-closed.js";

export const pullRequestOpened: Handler<"pull_request.opened"> = {
  relevant: (payload) =>
    laneIssueOf(payload.pull_request.head.ref) !== undefined ||
    INTEGRATION_BRANCH.test(payload.pull_request.head.ref),
  async handle(payload, ctx) {
    const pr = payload.pull_request;
    const laneIssue = laneIssueOf(pr.head.ref);
    const owners = await requestOwnerReviews(ctx.forRepo(repoOf(payload)), {
      pull: { number: pr.number, body: pr.body },
      author: pr.user.login,
      ...(laneIssue === undefined ? {} : { laneIssue }),
    });
    ctx.log.info(
      { pr: pr.number, owners },
      owners.length > 0 ? "owners asked to review" : "no owners to ask",
    );
  },
};
