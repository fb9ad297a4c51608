// Every webhook event the App handles, in one typed map: one file per event, no directory scanning.
import type { Handler, HandledEvent } from "./handler.js";
import { checkRunCompleted, checkRunCreated } from "./check-run-completed.js";
import { installationCreated } from "./installation-created.js";
import { installationRepositoriesAdded } from "./installation-repositories-added.js";
import { issueCommentCreated } from "./issue-comment-created.js";
import { issuesClosed } from "./issues-closed.js";
import { issuesEdited } from "./issues-edited.js";
import { issuesLabeled } from "./issues-labeled.js";
import { issuesOpened } from "./issues-opened.js";
import { issuesReopened } from "./issues-reopened.js";
import { issuesUnlabeled } from "./issues-unlabeled.js";
import { pullRequestClosed } from "./pull-request-closed.js";
import { pullRequestOpened } from "./pull-request-opened.js";
import { workflowRunCompleted } from "./workflow-run-completed.js";

export const handlers: { [E in HandledEvent]: Handler<E> } = {
  "installation.created": installationCreated,
  "installation_repositories.added": installationRepositoriesAdded,
  "issues.opened": issuesOpened,
  "issues.labeled": issuesLabeled,
  "issues.edited": issuesEdited,
  "issues.reopened": issuesReopened,
  "issues.unlabeled": issuesUnlabeled,
  "issues.closed": issuesClosed,
  "pull_request.closed": pullRequestClosed,
  "pull_request.opened": pullRequestOpened,
  "issue_comment.created": issueCommentCreated,
  "workflow_run.completed": workflowRunCompleted,
  "check_run.created": checkRunCreated,
  "check_run.completed": checkRunCompleted,
};

export * from "./handler.js";
