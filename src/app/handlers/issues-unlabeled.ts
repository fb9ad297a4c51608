// issues.unlabeled `prp`: the issue is no longer a PRP; it is withdrawn (a running lane is stopped).
import { withdrawPrp } from "../lifecycle/withdraw-prp.js";
import { PRP_LABEL_NAME } from "../prp-state.js";
import { labelNames } from "../intake/issue-snapshot.js";
import { repoOf, type Handler } from "./handler.js";

export const issuesUnlabeled: Handler<"issues.unlabeled"> = {
  relevant: (payload) => payload.label?.name === PRP_LABEL_NAME && payload.issue.pull_request === undefined,
  async handle(payload, ctx) {
    const result = await withdrawPrp(
      ctx.forRepo(repoOf(payload)),
      {
        number: payload.issue.number,
        labels: labelNames(payload.issue.labels),
        comments: payload.issue.comments,
      },
      { actor: payload.sender.login, reason: `\`prp\` label removed by @${payload.sender.login}` },
    );
    ctx.log.info({ issue: payload.issue.number, ...result }, "prp withdrawn");
  },
};
