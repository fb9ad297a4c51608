// The shape of an event handler: a pure relevance check (an event Lanes ignores costs no request, not even to
// Redis) and the work, given the repository's ports for the delivery's installation.
import type { Context } from "probot";
import type { RepoRef } from "../../github/index.js";
import type { Logger } from "../../observe/logger.js";
import type { RepoDeps } from "../repo-deps.js";

export const HANDLED_EVENTS = [
  "installation.created",
  "installation_repositories.added",
  "issues.opened",
  "issues.labeled",
  "issues.edited",
  "issues.reopened",
  "issues.unlabeled",
  "issues.closed",
  "pull_request.closed",
  "pull_request.opened",
  "issue_comment.created",
  "workflow_run.completed",
  "check_run.created",
  "check_run.completed",
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

export type Payload<E extends HandledEvent> = Context<E>["payload"];

export interface HandlerContext {
  deliveryId: string;
  log: Logger;
  /** The ports for one repository of the delivery's installation. */
  forRepo(repo: RepoRef): RepoDeps;
}

export interface Handler<E extends HandledEvent> {
  /** Whether Lanes acts on this delivery: pure, no I/O. */
  relevant(payload: Payload<E>): boolean;
  handle(payload: Payload<E>, ctx: HandlerContext): Promise<void>;
}

export function repoOf(payload: { repository: { owner: { login: string }; name: string } }): RepoRef {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}
