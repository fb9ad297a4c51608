// Labels, issues, comments and reactions.
import type { GitHubPort, Issue, IssueComment } from "./github-port.js";
import { isStatus } from "./errors.js";
import { call, type PortDeps } from "./port-deps.js";

interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  user: { login: string } | null;
  pull_request?: unknown;
  html_url: string;
  updated_at: string;
}

export function toIssue(raw: RawIssue): Issue {
  return {
    number: raw.number,
    title: raw.title,
    body: raw.body ?? null,
    state: raw.state === "closed" ? "closed" : "open",
    labels: raw.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((n) => n !== ""),
    author: raw.user?.login ?? "ghost",
    isPullRequest: raw.pull_request !== undefined && raw.pull_request !== null,
    htmlUrl: raw.html_url,
    updatedAt: raw.updated_at,
  };
}

function toComment(raw: {
  id: number;
  body?: string;
  user: { login: string; type?: string } | null;
  created_at: string;
}): IssueComment {
  return {
    id: raw.id,
    body: raw.body ?? "",
    author: raw.user?.login ?? "ghost",
    authorType: raw.user?.type ?? "User",
    createdAt: raw.created_at,
  };
}

type IssueOps = Pick<
  GitHubPort,
  | "ensureLabels"
  | "addLabels"
  | "removeLabel"
  | "getIssue"
  | "listIssues"
  | "createIssue"
  | "updateIssue"
  | "createComment"
  | "updateComment"
  | "listComments"
  | "reactToIssue"
  | "reactToComment"
  | "pinIssue"
>;

const PIN_STATE = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) { issue(number: $number) { id isPinned viewerCanUpdate } }
}`;
const PIN = `mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { isPinned } } }`;

interface PinState {
  repository: { issue: { id: string; isPinned: boolean; viewerCanUpdate: boolean } | null } | null;
}

export function issueOperations({ octokit, etags }: PortDeps): IssueOps {
  return {
    pinIssue: (repo, number) =>
      call("pinIssue", async () => {
        const state = await octokit.graphql<PinState>(PIN_STATE, { ...repo, number });
        const issue = state.repository?.issue;
        if (!issue || !issue.viewerCanUpdate) return "not-permitted";
        if (issue.isPinned) return "already-pinned";
        await octokit.graphql(PIN, { id: issue.id });
        return "pinned";
      }),
    ensureLabels: (repo, labels) =>
      call("ensureLabels", async () => {
        const existing = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
          ...repo,
          per_page: 100,
        });
        const byName = new Map(existing.map((l) => [l.name.toLowerCase(), l]));
        const created: string[] = [];
        const updated: string[] = [];
        for (const want of labels) {
          const have = byName.get(want.name.toLowerCase());
          if (!have) {
            await octokit.rest.issues.createLabel({ ...repo, ...want });
            created.push(want.name);
          } else if (
            have.color.toLowerCase() !== want.color.toLowerCase() ||
            (have.description ?? "") !== want.description
          ) {
            await octokit.rest.issues.updateLabel({
              ...repo,
              name: have.name,
              color: want.color,
              description: want.description,
            });
            updated.push(want.name);
          }
        }
        return { created, updated };
      }),
    addLabels: (repo, issue, labels) =>
      call("addLabels", async () =>
        (await octokit.rest.issues.addLabels({ ...repo, issue_number: issue, labels: [...labels] })).data.map(
          (l) => l.name,
        ),
      ),
    removeLabel: (repo, issue, label) =>
      call("removeLabel", async () => {
        try {
          await octokit.rest.issues.removeLabel({ ...repo, issue_number: issue, name: label });
          return true;
        } catch (error) {
          if (isStatus(error, 404)) return false;
          throw error;
        }
      }),
    getIssue: (repo, issue) =>
      call("getIssue", async () =>
        toIssue(
          await etags.read(`issue:${repo.owner}/${repo.repo}#${issue}`, (headers) =>
            octokit.rest.issues.get({ ...repo, issue_number: issue, headers }),
          ),
        ),
      ),
    listIssues: (repo, options = {}) =>
      call("listIssues", async () => {
        const params = {
          ...repo,
          state: options.state ?? "open",
          per_page: 100,
          ...(options.labels ? { labels: options.labels.join(",") } : {}),
        };
        // the first page is a conditional read (the App lists open PRPs on every intake); later pages are rare
        const first = await etags.read(`issues:${JSON.stringify(params)}`, (headers) =>
          octokit.rest.issues.listForRepo({ ...params, headers }),
        );
        if (first.length < 100) return first.map(toIssue);
        const raw = await octokit.paginate(octokit.rest.issues.listForRepo, params);
        return raw.map(toIssue);
      }),
    createIssue: (repo, input) =>
      call("createIssue", async () =>
        toIssue((await octokit.rest.issues.create({ ...repo, ...input })).data),
      ),
    updateIssue: (repo, issue, input) =>
      call("updateIssue", async () =>
        toIssue((await octokit.rest.issues.update({ ...repo, issue_number: issue, ...input })).data),
      ),
    createComment: (repo, issue, body) =>
      call("createComment", async () =>
        toComment((await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data),
      ),
    updateComment: (repo, commentId, body) =>
      call("updateComment", async () =>
        toComment((await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body })).data),
      ),
    listComments: (repo, issue) =>
      call("listComments", async () =>
        (
          await octokit.paginate(octokit.rest.issues.listComments, {
            ...repo,
            issue_number: issue,
            per_page: 100,
          })
        ).map(toComment),
      ),
    reactToIssue: (repo, issue, content) =>
      call(
        "reactToIssue",
        async () =>
          void (await octokit.rest.reactions.createForIssue({ ...repo, issue_number: issue, content })),
      ),
    reactToComment: (repo, commentId, content) =>
      call(
        "reactToComment",
        async () =>
          void (await octokit.rest.reactions.createForIssueComment({
            ...repo,
            comment_id: commentId,
            content,
          })),
      ),
  };
}
