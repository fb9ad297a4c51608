// issue_comment.created payloads from @octokit/webhooks-examples, with the body, commenter and issue a test needs.
import { example, type Payload } from "../payloads.js";

export const COMMENT_ID = 492700400;

interface CommentPayload extends Payload {
  comment: { id: number; body: string; user: { login: string; type: string } };
  sender: { login: string; type: string };
  issue: { number: number; labels: unknown[]; pull_request?: unknown; comments: number };
}

export interface CommentShape {
  body: string;
  author?: string;
  type?: "User" | "Bot";
  issue?: number;
  labels?: string[];
  pullRequest?: boolean;
  action?: "created" | "edited";
}

export function commented(shape: CommentShape): Payload {
  const payload = example<CommentPayload>("issue_comment", shape.action ?? "created");
  payload.comment.body = shape.body;
  payload.comment.user.login = shape.author ?? "maintainer";
  payload.comment.user.type = shape.type ?? "User";
  payload.sender.login = shape.author ?? "maintainer";
  payload.sender.type = shape.type ?? "User";
  payload.issue.number = shape.issue ?? 1;
  payload.issue.comments = 1;
  payload.issue.labels = (shape.labels ?? ["prp"]).map((name) => ({
    id: 1,
    name,
    color: "fff",
    default: false,
  }));
  if (shape.pullRequest)
    payload.issue.pull_request = { url: "u", html_url: "h", diff_url: "d", patch_url: "p" };
  else delete payload.issue.pull_request;
  return payload;
}
