// Renders sandbox state as GitHub's JSON resources (REST responses and webhook payloads share these).
// Only fields GitHub also sends are produced, so code that reads them reads what GitHub sends.
import type {
  SandboxCheckRun,
  SandboxComment,
  SandboxIssue,
  SandboxLabel,
  SandboxPull,
  SandboxRepo,
  SandboxReview,
  SandboxState,
  SandboxUser,
} from "./state.js";

type Json = Record<string, unknown>;

const webUrl = (state: SandboxState, path: string): string => `${state.apiUrl}/_web/${path}`;

export function renderUser(state: SandboxState, user: SandboxUser | string): Json {
  const u =
    typeof user === "string"
      ? (state.users.get(user) ?? (state.app.bot.login === user ? state.app.bot : undefined))
      : user;
  const login = typeof user === "string" ? user : user.login;
  return {
    login,
    id: u?.id ?? 0,
    node_id: `U_${u?.id ?? 0}`,
    avatar_url: "",
    gravatar_id: "",
    url: `${state.apiUrl}/users/${login}`,
    html_url: webUrl(state, login),
    type: u?.type ?? "User",
    site_admin: false,
  };
}

export function renderRepo(state: SandboxState, repo: SandboxRepo): Json {
  const url = `${state.apiUrl}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: repo.fullName,
    private: true,
    owner: renderUser(state, repo.owner),
    html_url: webUrl(state, repo.fullName),
    description: null,
    fork: false,
    url,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    clone_url: repo.gitDir,
    default_branch: repo.defaultBranch,
    visibility: "private",
    archived: false,
    disabled: false,
    has_issues: true,
    open_issues_count: [...repo.issues.values()].filter((i) => i.state === "open").length,
  };
}

export function renderLabel(state: SandboxState, repo: SandboxRepo, label: SandboxLabel): Json {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${state.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function renderIssue(state: SandboxState, repo: SandboxRepo, issue: SandboxIssue): Json {
  const url = `${state.apiUrl}/repos/${repo.fullName}/issues/${issue.number}`;
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  return {
    url,
    repository_url: `${state.apiUrl}/repos/${repo.fullName}`,
    comments_url: `${url}/comments`,
    html_url: webUrl(state, `${repo.fullName}/issues/${issue.number}`),
    id: issue.id,
    node_id: `I_${issue.id}`,
    number: issue.number,
    title: issue.title,
    user: renderUser(state, issue.author),
    labels: issue.labels.flatMap((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? [renderLabel(state, repo, label)] : [];
    }),
    state: issue.state,
    locked: false,
    assignee: issue.assignees[0] ? renderUser(state, issue.assignees[0]) : null,
    assignees: issue.assignees.map((a) => renderUser(state, a)),
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: "COLLABORATOR",
    body: issue.body,
    ...(issue.isPull
      ? { pull_request: { url: `${state.apiUrl}/repos/${repo.fullName}/pulls/${issue.number}` } }
      : {}),
  };
}

export function renderComment(state: SandboxState, repo: SandboxRepo, comment: SandboxComment): Json {
  return {
    url: `${state.apiUrl}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: webUrl(state, `${repo.fullName}/issues/${comment.issueNumber}#issuecomment-${comment.id}`),
    issue_url: `${state.apiUrl}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: `IC_${comment.id}`,
    user: renderUser(state, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: "COLLABORATOR",
    body: comment.body,
  };
}

export function renderReview(state: SandboxState, repo: SandboxRepo, review: SandboxReview): Json {
  const html = webUrl(state, `${repo.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`);
  const pull = `${state.apiUrl}/repos/${repo.fullName}/pulls/${review.pullNumber}`;
  return {
    id: review.id,
    node_id: `PRR_${review.id}`,
    user: renderUser(state, review.author),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    author_association: "COLLABORATOR",
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
  };
}

function branchRef(state: SandboxState, repo: SandboxRepo, ref: string, sha: string): Json {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderUser(state, repo.owner),
    repo: renderRepo(state, repo),
  };
}

export function renderPull(
  state: SandboxState,
  repo: SandboxRepo,
  pull: SandboxPull,
  issue: SandboxIssue,
): Json {
  const base = renderIssue(state, repo, issue);
  return {
    url: `${state.apiUrl}/repos/${repo.fullName}/pulls/${pull.number}`,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: webUrl(state, `${repo.fullName}/pull/${pull.number}`),
    issue_url: base.url,
    number: pull.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: base.user,
    body: issue.body,
    labels: base.labels,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: base.assignee,
    assignees: base.assignees,
    milestone: null,
    head: branchRef(state, repo, pull.head, pull.headSha),
    base: branchRef(state, repo, pull.base, pull.baseSha),
    author_association: "COLLABORATOR",
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.merged ? null : true,
    merged_by: pull.mergedBy ? renderUser(state, pull.mergedBy) : null,
    maintainer_can_modify: pull.maintainerCanModify,
    requested_reviewers: pull.requestedReviewers.map((login) => renderUser(state, login)),
    requested_teams: pull.requestedTeams.map((slug) => ({ slug, name: slug })),
  };
}

export function renderCheckRun(state: SandboxState, repo: SandboxRepo, run: SandboxCheckRun): Json {
  const url = `${state.apiUrl}/repos/${repo.fullName}/check-runs/${run.id}`;
  const pulls = [...repo.pulls.values()].filter((p) => p.headSha === run.headSha && !p.merged);
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: webUrl(state, `${repo.fullName}/runs/${run.id}`),
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    app: { id: state.app.id, slug: state.app.slug, node_id: `A_${state.app.id}`, name: state.app.slug },
    pull_requests: pulls.map((p) => ({
      url: `${state.apiUrl}/repos/${repo.fullName}/pulls/${p.number}`,
      id: p.id,
      number: p.number,
      head: {
        ref: p.head,
        sha: p.headSha,
        repo: { id: repo.id, url: `${state.apiUrl}/repos/${repo.fullName}`, name: repo.name },
      },
      base: {
        ref: p.base,
        sha: p.baseSha,
        repo: { id: repo.id, url: `${state.apiUrl}/repos/${repo.fullName}`, name: repo.name },
      },
    })),
  };
}
