// The facts about an issue that intake reads, from a webhook payload or from the GitHub port.
import type { Issue } from "../../github/index.js";

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string;
  labels: string[];
  author: string;
  /** OWNER, MEMBER, COLLABORATOR … when known (webhook payloads carry it). */
  authorAssociation?: string;
  /** How many comments the issue has, when known: 0 means there is no status comment to look for. */
  comments?: number;
  state: "open" | "closed";
}

interface PayloadIssue {
  number: number;
  title: string;
  body?: string | null;
  labels?: ({ name: string } | string | null)[];
  user: { login: string } | null;
  author_association?: string;
  comments?: number;
  state?: string;
}

/** Label names of a payload's labels (which may hold nulls). */
export function labelNames(labels: PayloadIssue["labels"]): string[] {
  return (labels ?? []).flatMap((l) => (l === null ? [] : [typeof l === "string" ? l : l.name]));
}

export function snapshotOfPayload(issue: PayloadIssue): IssueSnapshot {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    labels: labelNames(issue.labels),
    author: issue.user?.login ?? "ghost",
    ...(issue.author_association ? { authorAssociation: issue.author_association } : {}),
    ...(issue.comments !== undefined ? { comments: issue.comments } : {}),
    state: issue.state === "closed" ? "closed" : "open",
  };
}

export function snapshotOfIssue(issue: Issue): IssueSnapshot {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    labels: issue.labels,
    author: issue.author,
    state: issue.state,
  };
}
