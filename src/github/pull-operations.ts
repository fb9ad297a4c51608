// Pull requests: open, edit, read, list, changed files, reviews, merge.
import type { GitHubPort, PullRequest, PullReview } from "./github-port.js";
import { call, type PortDeps } from "./port-deps.js";

interface RawPull {
  number: number;
  title: string;
  body: string | null;
  state: string;
  draft?: boolean;
  merged?: boolean;
  merged_at?: string | null;
  merge_commit_sha: string | null;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  html_url: string;
}

function toPull(raw: RawPull): PullRequest {
  return {
    number: raw.number,
    title: raw.title,
    body: raw.body,
    state: raw.state === "closed" ? "closed" : "open",
    draft: raw.draft ?? false,
    merged: raw.merged ?? (raw.merged_at !== null && raw.merged_at !== undefined),
    mergeCommitSha: raw.merge_commit_sha,
    head: { ref: raw.head.ref, sha: raw.head.sha },
    base: { ref: raw.base.ref, sha: raw.base.sha },
    htmlUrl: raw.html_url,
  };
}

const REVIEW_STATES = new Set<string>(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]);

function toReview(raw: {
  id: number;
  body?: string | null;
  state: string;
  user: { login: string; type?: string } | null;
  submitted_at?: string | null;
}): PullReview {
  return {
    id: raw.id,
    body: raw.body ?? "",
    author: raw.user?.login ?? "ghost",
    authorType: raw.user?.type ?? "User",
    // GitHub documents these five; anything else counts as a comment, never as an approval.
    state: (REVIEW_STATES.has(raw.state.toUpperCase())
      ? raw.state.toUpperCase()
      : "COMMENTED") as PullReview["state"],
    submittedAt: raw.submitted_at ?? null,
  };
}

type PullOps = Pick<
  GitHubPort,
  | "createPull"
  | "updatePull"
  | "getPull"
  | "listPulls"
  | "listPullFiles"
  | "listReviews"
  | "mergePull"
  | "requestReviewers"
>;

export function pullOperations({ octokit, etags }: PortDeps): PullOps {
  return {
    createPull: (repo, input) =>
      call("createPull", async () => toPull((await octokit.rest.pulls.create({ ...repo, ...input })).data)),
    updatePull: (repo, pull, input) =>
      call("updatePull", async () =>
        toPull((await octokit.rest.pulls.update({ ...repo, pull_number: pull, ...input })).data),
      ),
    getPull: (repo, pull) =>
      call("getPull", async () =>
        toPull(
          await etags.read(`pull:${repo.owner}/${repo.repo}#${pull}`, (headers) =>
            octokit.rest.pulls.get({ ...repo, pull_number: pull, headers }),
          ),
        ),
      ),
    listPulls: (repo, options = {}) =>
      call("listPulls", async () =>
        (
          await octokit.paginate(octokit.rest.pulls.list, {
            ...repo,
            state: options.state ?? "open",
            per_page: 100,
            ...(options.head
              ? { head: options.head.includes(":") ? options.head : `${repo.owner}:${options.head}` }
              : {}),
            ...(options.base ? { base: options.base } : {}),
          })
        ).map(toPull),
      ),
    listPullFiles: (repo, pull) =>
      call("listPullFiles", async () =>
        (
          await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: 100 })
        ).map((f) => ({
          filename: f.filename,
          status: f.status,
          additions: f.additions,
          deletions: f.deletions,
        })),
      ),
    listReviews: (repo, pull) =>
      call("listReviews", async () =>
        (
          await octokit.paginate(octokit.rest.pulls.listReviews, {
            ...repo,
            pull_number: pull,
            per_page: 100,
          })
        ).map(toReview),
      ),
    mergePull: (repo, pull, options = {}) =>
      call("mergePull", async () => {
        const { data } = await octokit.rest.pulls.merge({
          ...repo,
          pull_number: pull,
          merge_method: "merge",
          ...(options.sha ? { sha: options.sha } : {}),
          ...(options.commitTitle ? { commit_title: options.commitTitle } : {}),
        });
        return { sha: data.sha };
      }),
    requestReviewers: (repo, pull, input) =>
      call("requestReviewers", async () => {
        await octokit.rest.pulls.requestReviewers({
          ...repo,
          pull_number: pull,
          reviewers: [...input.reviewers],
          team_reviewers: [...input.teamReviewers],
        });
      }),
  };
}
