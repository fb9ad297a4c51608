// The one typed port over the GitHub API: every GitHub call in Lanes goes through this interface,
// so it can be counted, retried, budgeted, and faked at the HTTP level (nock, the sandbox).

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface LabelSpec {
  name: string;
  /** Six hex digits, without "#". */
  color: string;
  description: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  labels: string[];
  author: string;
  isPullRequest: boolean;
  htmlUrl: string;
  updatedAt: string;
}

export interface IssueComment {
  id: number;
  body: string;
  author: string;
  authorType: string;
  createdAt: string;
}

export type Reaction = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";
export type PermissionLevel = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface PullRequest {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergeCommitSha: string | null;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  htmlUrl: string;
}

/** A pull request review; `state` is GitHub's (an approval withdrawn by a maintainer reads DISMISSED). */
export interface PullReview {
  id: number;
  body: string;
  author: string;
  authorType: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  submittedAt: string | null;
}

export interface PullFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
}

export interface Annotation {
  path: string;
  startLine: number;
  endLine: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckAction {
  /** At most 20 characters. */
  label: string;
  /** At most 40 characters. */
  description: string;
  /** At most 20 characters; comes back in check_run.requested_action. */
  identifier: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  /** Any number: the port sends them 50 per request, as GitHub requires. */
  annotations?: Annotation[];
}

export interface CheckRunInput {
  name: string;
  headSha: string;
  status?: "queued" | "in_progress" | "completed";
  conclusion?: "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required";
  detailsUrl?: string;
  externalId?: string;
  output?: CheckRunOutput;
  actions?: CheckAction[];
}

export type CheckRunUpdate = Partial<Omit<CheckRunInput, "headSha">>;

export interface CheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  htmlUrl: string;
}

/** The run a workflow_dispatch started, as GitHub reports it (`return_run_details`). */
export interface DispatchedRun {
  id: number;
  htmlUrl: string;
}

export interface GitHubPort {
  ensureLabels(
    repo: RepoRef,
    labels: readonly LabelSpec[],
  ): Promise<{ created: string[]; updated: string[] }>;
  addLabels(repo: RepoRef, issue: number, labels: readonly string[]): Promise<string[]>;
  /** Removes a label; a label the issue does not have is not an error. Returns whether it was there. */
  removeLabel(repo: RepoRef, issue: number, label: string): Promise<boolean>;

  getIssue(repo: RepoRef, issue: number): Promise<Issue>;
  listIssues(
    repo: RepoRef,
    options?: { labels?: string[]; state?: "open" | "closed" | "all" },
  ): Promise<Issue[]>;
  createIssue(repo: RepoRef, input: { title: string; body?: string; labels?: string[] }): Promise<Issue>;
  updateIssue(
    repo: RepoRef,
    issue: number,
    input: { title?: string; body?: string; state?: "open" | "closed"; labels?: string[] },
  ): Promise<Issue>;
  /**
   * Pins the issue to the repository (GraphQL `pinIssue`; there is no REST call). Only when the token may
   * (`viewerCanUpdate`, i.e. issues: write) and it is not pinned yet; says which.
   */
  pinIssue(repo: RepoRef, issue: number): Promise<"pinned" | "already-pinned" | "not-permitted">;
  createComment(repo: RepoRef, issue: number, body: string): Promise<IssueComment>;
  updateComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  listComments(repo: RepoRef, issue: number): Promise<IssueComment[]>;
  reactToIssue(repo: RepoRef, issue: number, reaction: Reaction): Promise<void>;
  reactToComment(repo: RepoRef, commentId: number, reaction: Reaction): Promise<void>;

  permissionLevel(repo: RepoRef, username: string): Promise<PermissionLevel>;

  /** The commit a branch points at, or null when the branch does not exist. */
  branchSha(repo: RepoRef, branch: string): Promise<string | null>;
  /** Branches whose name starts with `prefix` (e.g. "lanes/"), by name, with the commit each points at. */
  listBranches(repo: RepoRef, prefix: string): Promise<{ name: string; sha: string }[]>;
  createBranch(repo: RepoRef, branch: string, sha: string): Promise<void>;
  updateBranch(repo: RepoRef, branch: string, sha: string, options?: { force?: boolean }): Promise<void>;
  defaultBranch(repo: RepoRef): Promise<string>;
  /** The repository's self-hosted runners with their labels (needs `administration: read`). */
  listRunners(repo: RepoRef): Promise<{ name: string; labels: string[] }[]>;

  createPull(
    repo: RepoRef,
    input: { title: string; head: string; base: string; body?: string; draft?: boolean },
  ): Promise<PullRequest>;
  updatePull(
    repo: RepoRef,
    pull: number,
    input: { title?: string; body?: string; state?: "open" | "closed"; base?: string },
  ): Promise<PullRequest>;
  getPull(repo: RepoRef, pull: number): Promise<PullRequest>;
  listPulls(
    repo: RepoRef,
    options?: { state?: "open" | "closed" | "all"; head?: string; base?: string },
  ): Promise<PullRequest[]>;
  listPullFiles(repo: RepoRef, pull: number): Promise<PullFile[]>;
  /** The PR's reviews, oldest first. */
  listReviews(repo: RepoRef, pull: number): Promise<PullReview[]>;
  mergePull(
    repo: RepoRef,
    pull: number,
    options?: { sha?: string; commitTitle?: string },
  ): Promise<{ sha: string }>;
  /** Asks users (logins) and teams (slugs of the repository's organisation) to review a pull request. */
  requestReviewers(
    repo: RepoRef,
    pull: number,
    input: { reviewers: readonly string[]; teamReviewers: readonly string[] },
  ): Promise<void>;

  createCheckRun(repo: RepoRef, input: CheckRunInput): Promise<CheckRun>;
  /** The latest check run of each name on a commit. */
  listCheckRuns(repo: RepoRef, sha: string): Promise<CheckRun[]>;
  updateCheckRun(repo: RepoRef, checkRunId: number, input: CheckRunUpdate): Promise<CheckRun>;

  /** A file's text at a ref (default branch when omitted), or null when it does not exist. */
  readFile(repo: RepoRef, path: string, ref?: string): Promise<string | null>;
  /** Starts a workflow_dispatch run; the run it started, or null where GitHub does not say (older GHES). */
  dispatchWorkflow(
    repo: RepoRef,
    workflow: string,
    ref: string,
    inputs?: Record<string, string>,
  ): Promise<DispatchedRun | null>;

  /** HTTP requests made so far, per operation (retries included). */
  requestCounts(): Record<string, number>;
  /** Conditional reads answered 304 Not Modified (served from the ETag cache). */
  notModifiedCount(): number;
}
