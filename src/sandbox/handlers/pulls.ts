// Pull requests: open, list, read, edit, changed files, and a real merge in the bare repo (which also
// merges every other open PR whose head the base now contains, as GitHub does).
import { SandboxHttpError, notFound, unprocessable } from "../errors.js";
import { changedFiles, mergeCommits, resolveRef, updateRef } from "../bare-repo.js";
import { emit, page, requireStr, str, type HandlerContext, type Routes } from "../handler.js";
import { completeMerge, mergeReachablePulls } from "../merged-pulls.js";
import { sendPush } from "../push-events.js";
import { renderPull } from "../render-resources.js";
import type { SandboxIssue, SandboxPull } from "../state.js";
import { newIssue } from "./issues.js";

export function requirePull(ctx: HandlerContext): { pull: SandboxPull; issue: SandboxIssue } {
  const pull = ctx.repo.pulls.get(Number(ctx.params.pull_number));
  const issue = pull && ctx.repo.issues.get(pull.number);
  if (!pull || !issue) throw notFound();
  return { pull, issue };
}

const branchOf = (head: string): string => head.replace(/^[^:]+:/, "");

export const pullRoutes: Routes = {
  "pulls/create": {
    permission: "write",
    async handle(ctx) {
      const head = branchOf(requireStr(ctx.body, "head"));
      const base = requireStr(ctx.body, "base");
      const headSha = await resolveRef(ctx.repo.gitDir, `refs/heads/${head}`);
      const baseSha = await resolveRef(ctx.repo.gitDir, `refs/heads/${base}`);
      if (headSha === null) throw unprocessable(`Validation Failed: head "${head}" is not a branch`, "head");
      if (baseSha === null) throw unprocessable(`Validation Failed: base "${base}" is not a branch`, "base");
      if (headSha === baseSha)
        throw unprocessable(`Validation Failed: No commits between ${base} and ${head}`);
      const open = [...ctx.repo.pulls.values()].find(
        (p) => p.head === head && p.base === base && ctx.repo.issues.get(p.number)?.state === "open",
      );
      if (open)
        throw unprocessable(
          `Validation Failed: A pull request already exists for ${ctx.repo.owner}:${head}.`,
        );
      const title = str(ctx.body, "title");
      if (title === undefined) throw unprocessable('Invalid request.\n\n"title" wasn\'t supplied.', "title");
      const issue = newIssue(ctx, title, str(ctx.body, "body") ?? null, true);
      const pull: SandboxPull = {
        number: issue.number,
        id: ctx.state.nextId(),
        head,
        base,
        headSha,
        baseSha,
        draft: ctx.body.draft === true,
        merged: false,
        mergedAt: null,
        mergedBy: null,
        mergeCommitSha: null,
        maintainerCanModify: ctx.body.maintainer_can_modify !== false,
        requestedReviewers: [],
        requestedTeams: [],
      };
      ctx.repo.pulls.set(pull.number, pull);
      const rendered = renderPull(ctx.state, ctx.repo, pull, issue);
      emit(ctx, "pull_request", { action: "opened", number: pull.number, pull_request: rendered });
      return { status: 201, body: rendered };
    },
  },

  "pulls/list": {
    permission: "read",
    handle(ctx) {
      const state = ctx.query.get("state") ?? "open";
      const head = ctx.query.get("head");
      const base = ctx.query.get("base");
      const pulls = [...ctx.repo.pulls.values()]
        .map((pull) => ({ pull, issue: ctx.repo.issues.get(pull.number) }))
        .filter((p): p is { pull: SandboxPull; issue: SandboxIssue } => p.issue !== undefined)
        .filter(
          ({ pull, issue }) =>
            (state === "all" || issue.state === state) &&
            (!head || pull.head === branchOf(head)) &&
            (!base || pull.base === base),
        )
        .sort((a, b) => b.pull.number - a.pull.number)
        .map(({ pull, issue }) => renderPull(ctx.state, ctx.repo, pull, issue));
      return page(ctx, pulls, `/repos/${ctx.repo.fullName}/pulls`);
    },
  },

  "pulls/get": {
    permission: "read",
    handle(ctx) {
      const { pull, issue } = requirePull(ctx);
      return { status: 200, body: renderPull(ctx.state, ctx.repo, pull, issue) };
    },
  },

  "pulls/update": {
    permission: "write",
    async handle(ctx) {
      const { pull, issue } = requirePull(ctx);
      issue.title = str(ctx.body, "title") ?? issue.title;
      if ("body" in ctx.body) issue.body = str(ctx.body, "body") ?? null;
      const base = str(ctx.body, "base");
      if (base !== undefined) {
        const sha = await resolveRef(ctx.repo.gitDir, `refs/heads/${base}`);
        if (sha === null) throw unprocessable(`Validation Failed: base "${base}" is not a branch`, "base");
        pull.base = base;
        pull.baseSha = sha;
      }
      const state = str(ctx.body, "state");
      const closing = state === "closed" && issue.state === "open" && !pull.merged;
      const reopening = state === "open" && issue.state === "closed" && !pull.merged;
      if (state === "open" || state === "closed") issue.state = state;
      issue.updatedAt = ctx.state.now();
      issue.closedAt = issue.state === "closed" ? (issue.closedAt ?? issue.updatedAt) : null;
      const rendered = renderPull(ctx.state, ctx.repo, pull, issue);
      emit(ctx, "pull_request", {
        action: closing ? "closed" : reopening ? "reopened" : "edited",
        number: pull.number,
        pull_request: rendered,
        ...(closing || reopening ? {} : { changes: {} }),
      });
      return { status: 200, body: rendered };
    },
  },

  "pulls/list-files": {
    permission: "read",
    async handle(ctx) {
      const { pull } = requirePull(ctx);
      const base = pull.merged ? `${pull.mergeCommitSha ?? pull.baseSha}^1` : `refs/heads/${pull.base}`;
      const files = (await changedFiles(ctx.repo.gitDir, base, pull.headSha)).map((f) => ({
        sha: null,
        ...f,
        blob_url: null,
        raw_url: null,
        contents_url: null,
      }));
      return page(ctx, files, `/repos/${ctx.repo.fullName}/pulls/${pull.number}/files`);
    },
  },

  "pulls/merge": {
    permission: "write",
    async handle(ctx) {
      const { pull, issue } = requirePull(ctx);
      if (pull.merged || issue.state !== "open")
        throw new SandboxHttpError(405, "Pull Request is not mergeable");
      const expected = str(ctx.body, "sha");
      if (expected !== undefined && expected !== pull.headSha)
        throw new SandboxHttpError(409, "Head branch was modified. Review and try the merge again.");
      const method = str(ctx.body, "merge_method") ?? "merge";
      if (method !== "merge")
        throw new SandboxHttpError(
          405,
          `Merge method ${method} is not supported by the sandbox; use "merge".`,
        );
      const ref = `refs/heads/${pull.base}`;
      const before = await resolveRef(ctx.repo.gitDir, ref);
      if (before === null) throw new SandboxHttpError(405, "Base branch was deleted");
      const title =
        str(ctx.body, "commit_title") ??
        `Merge pull request #${pull.number} from ${ctx.repo.owner}/${pull.head}`;
      const message = [title, str(ctx.body, "commit_message") ?? issue.title].join("\n\n");
      const merge = await mergeCommits(ctx.repo.gitDir, before, pull.headSha, message, ctx.actor.login);
      if (!merge.ok)
        throw new SandboxHttpError(
          405,
          `Pull Request is not mergeable: conflicts in ${merge.conflicts.join(", ")}`,
        );
      await updateRef(ctx.repo.gitDir, ref, merge.sha, before);
      await sendPush(ctx, { ref, before, after: merge.sha });
      completeMerge(ctx, pull, issue, { commit: merge.sha, before });
      await mergeReachablePulls(ctx, pull.base, { before, after: merge.sha });
      return {
        status: 200,
        body: { sha: merge.sha, merged: true, message: "Pull Request successfully merged" },
      };
    },
  },
};
