// issue_comment.created with a `/lanes` line: the comment's commands run (commands/). Only new comments
// count — an edited comment is never run again — and comments by bots, the App itself included, are ignored.
import { runCommentCommands } from "../commands/run-comment-commands.js";
import { mentionsCommand } from "../commands/parse-commands.js";
import { CommandFailedError } from "../errors.js";
import { labelNames } from "../intake/issue-snapshot.js";
import { PRP_LABEL_NAME, stateLabelsOf } from "../prp-state.js";
import { laneIssueOf } from "./pull-request-closed.js";
import { repoOf, type Handler } from "./handler.js";

export const issueCommentCreated: Handler<"issue_comment.created"> = {
  relevant: (payload) =>
    payload.comment.user?.type !== "Bot" &&
    payload.sender.type !== "Bot" &&
    mentionsCommand(payload.comment.body),
  async handle(payload, ctx) {
    const deps = ctx.forRepo(repoOf(payload));
    const { issue, comment } = payload;
    const labels = labelNames(issue.labels);
    const isPullRequest = issue.pull_request !== undefined && issue.pull_request !== null;
    const prpOf = async (): Promise<number> => {
      if (!isPullRequest) {
        if (labels.includes(PRP_LABEL_NAME) || stateLabelsOf(labels).length > 0) return issue.number;
        throw new CommandFailedError(`#${issue.number} is not a PRP: label it \`${PRP_LABEL_NAME}\` first.`);
      }
      const pull = await deps.github.getPull(deps.repo, issue.number);
      const lane = laneIssueOf(pull.head.ref);
      if (lane === undefined)
        throw new CommandFailedError(
          `#${issue.number} is not a lane's pull request (its branch is \`${pull.head.ref}\`).`,
        );
      return lane;
    };
    const outcome = await runCommentCommands(
      deps,
      {
        id: comment.id,
        body: comment.body,
        author: comment.user?.login ?? payload.sender.login,
        where: { number: issue.number, isPullRequest, labels, comments: issue.comments },
      },
      { prpOf },
    );
    ctx.log.info({ issue: issue.number, comment: comment.id, ...outcome }, "comment commands");
  },
};
