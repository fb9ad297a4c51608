// Webhook payloads from @octokit/webhooks-examples, cloned and adjusted only where a test needs a PRP: the
// examples' labels are `bug`, their PRs are unmerged, and there is no issues.closed example (it is the
// reopened one with action and state changed, as GitHub sends it).
import { createRequire } from "node:module";

interface Example {
  name: string;
  examples: Record<string, unknown>[];
}
const require = createRequire(import.meta.url);
const EXAMPLES = require("@octokit/webhooks-examples/api.github.com/index.json") as Example[];

export const INSTALLATION_ID = 957387;
export const REPO_PATH = "/repos/Codertocat/Hello-World";

export interface Payload {
  action: string;
  installation?: unknown;
  [key: string]: unknown;
}

interface IssuePayload extends Payload {
  issue: {
    number: number;
    title: string;
    body: string;
    labels: unknown[];
    author_association: string;
    user: { login: string };
    comments: number;
    state: string;
  };
}

interface PullPayload extends Payload {
  pull_request: { merged: boolean; number: number; head: { ref: string }; body: string; html_url: string };
}

/** A deep copy of the first example of `name` with `action`. */
export function example<T extends Payload = Payload>(name: string, action: string): T {
  const found = EXAMPLES.find((e) => e.name === name)?.examples.find((p) => p.action === action);
  if (!found) throw new Error(`no webhooks example ${name}.${action}`);
  const copy = structuredClone(found) as T;
  copy.installation ??= { id: INSTALLATION_ID, node_id: "MDIz" };
  return copy;
}

const label = (name: string) => ({
  id: 1,
  node_id: "L",
  url: "u",
  name,
  color: "1d76db",
  default: false,
  description: null,
});

export interface IssueShape {
  number?: number;
  body?: string;
  labels?: string[];
  association?: string;
  author?: string;
  comments?: number;
}

function shape(payload: IssuePayload, issue: IssueShape): IssuePayload {
  const i = payload.issue;
  i.number = issue.number ?? 1;
  i.title = `PRP ${i.number}`;
  i.body = issue.body ?? "## Goal\nDo it.\n\n## Success Criteria\n- [ ] it works\n";
  i.labels = (issue.labels ?? ["prp"]).map(label);
  i.author_association = issue.association ?? "OWNER";
  i.user.login = issue.author ?? "Codertocat";
  i.comments = issue.comments ?? 0;
  i.state = "open";
  return payload;
}

export function labeled(issue: IssueShape = {}, name = "prp"): Payload {
  const payload = shape(example<IssuePayload>("issues", "labeled"), issue);
  payload.label = label(name);
  return payload;
}

export function unlabeled(issue: IssueShape = {}): Payload {
  const payload = shape(example<IssuePayload>("issues", "unlabeled"), {
    ...issue,
    labels: issue.labels ?? [],
  });
  payload.label = label("prp");
  return payload;
}

export function edited(issue: IssueShape = {}): Payload {
  const payload = shape(example<IssuePayload>("issues", "edited"), issue);
  payload.changes = { body: { from: "before" } };
  return payload;
}

export function closed(issue: IssueShape = {}): Payload {
  const payload = shape(example<IssuePayload>("issues", "reopened"), issue);
  payload.action = "closed";
  payload.issue.state = "closed";
  return payload;
}

export function merged(pr: { number: number; head: string; body?: string }): Payload {
  const payload = example<PullPayload>("pull_request", "closed");
  payload.pull_request.merged = true;
  payload.pull_request.number = pr.number;
  payload.pull_request.head.ref = pr.head;
  payload.pull_request.body = pr.body ?? "";
  payload.pull_request.html_url = `https://github.com/Codertocat/Hello-World/pull/${pr.number}`;
  return payload;
}

/** An issue as the REST API returns it. */
export function issueJson(
  number: number,
  options: { state?: string; labels?: string[]; body?: string } = {},
) {
  return {
    number,
    title: `PRP ${number}`,
    body: options.body ?? "## Goal\nDo it.\n",
    state: options.state ?? "open",
    labels: (options.labels ?? ["prp"]).map((name) => ({ name })),
    user: { login: "Codertocat" },
    html_url: `https://github.com/Codertocat/Hello-World/issues/${number}`,
    updated_at: "2026-12-01T00:00:00Z",
  };
}
