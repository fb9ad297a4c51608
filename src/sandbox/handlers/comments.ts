// Issue comments and reactions (issue_comment webhooks for new comments).
import { notFound } from "../errors.js";
import { emit, page, requireIssue, requireStr, type HandlerContext, type Routes } from "../handler.js";
import { renderComment, renderIssue, renderUser } from "../render-resources.js";
import type { SandboxComment } from "../state.js";

function react(ctx: HandlerContext, subject: string) {
  const content = requireStr(ctx.body, "content");
  const list = ctx.repo.reactions.get(subject) ?? [];
  const existing = list.find((r) => r.author === ctx.actor.login && r.content === content);
  const reaction = existing ?? {
    id: ctx.state.nextId(),
    content,
    author: ctx.actor.login,
    createdAt: ctx.state.now(),
  };
  if (!existing) ctx.repo.reactions.set(subject, [...list, reaction]);
  return {
    status: existing ? 200 : 201,
    body: {
      id: reaction.id,
      node_id: `REA_${reaction.id}`,
      user: renderUser(ctx.state, reaction.author),
      content,
      created_at: reaction.createdAt,
    },
  };
}

function requireComment(ctx: HandlerContext): SandboxComment {
  const comment = ctx.repo.comments.get(Number(ctx.params.comment_id));
  if (!comment) throw notFound();
  return comment;
}

export const commentRoutes: Routes = {
  "issues/create-comment": {
    permission: "read",
    handle(ctx) {
      const issue = requireIssue(ctx.repo, ctx.params.issue_number);
      const now = ctx.state.now();
      const comment: SandboxComment = {
        id: ctx.state.nextId(),
        issueNumber: issue.number,
        body: requireStr(ctx.body, "body"),
        author: ctx.actor.login,
        createdAt: now,
        updatedAt: now,
      };
      ctx.repo.comments.set(comment.id, comment);
      const rendered = renderComment(ctx.state, ctx.repo, comment);
      emit(ctx, "issue_comment", {
        action: "created",
        issue: renderIssue(ctx.state, ctx.repo, issue),
        comment: rendered,
      });
      return { status: 201, body: rendered };
    },
  },

  "issues/list-comments": {
    permission: "read",
    handle(ctx) {
      const issue = requireIssue(ctx.repo, ctx.params.issue_number);
      const comments = [...ctx.repo.comments.values()]
        .filter((c) => c.issueNumber === issue.number)
        .map((c) => renderComment(ctx.state, ctx.repo, c));
      return page(ctx, comments, `/repos/${ctx.repo.fullName}/issues/${issue.number}/comments`);
    },
  },

  "issues/update-comment": {
    permission: "read",
    handle(ctx) {
      const comment = requireComment(ctx);
      if (comment.author !== ctx.actor.login && ctx.actor.permission !== "admin" && ctx.actor.type !== "Bot")
        throw notFound();
      comment.body = requireStr(ctx.body, "body");
      comment.updatedAt = ctx.state.now();
      return { status: 200, body: renderComment(ctx.state, ctx.repo, comment) };
    },
  },

  "reactions/create-for-issue": {
    permission: "read",
    handle: (ctx) => react(ctx, `issue:${requireIssue(ctx.repo, ctx.params.issue_number).number}`),
  },

  "reactions/create-for-issue-comment": {
    permission: "read",
    handle: (ctx) => react(ctx, `comment:${requireComment(ctx).id}`),
  },
};
