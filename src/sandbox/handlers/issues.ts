// Issues: get, list, create, update — with the issues webhooks GitHub sends for each change.
import { unprocessable } from "../errors.js";
import { emit, page, requireIssue, str, type HandlerContext, type Routes } from "../handler.js";
import { renderIssue } from "../render-resources.js";
import { permits, type SandboxIssue } from "../state.js";
import { labelNames, ensureLabel } from "./labels.js";

export function newIssue(
  ctx: HandlerContext,
  title: string,
  body: string | null,
  isPull: boolean,
): SandboxIssue {
  const { repo, state } = ctx;
  const now = state.now();
  const issue: SandboxIssue = {
    id: state.nextId(),
    number: repo.nextNumber++,
    title,
    body,
    state: "open",
    stateReason: null,
    labels: [],
    assignees: [],
    author: ctx.actor.login,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    isPull,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

function setState(issue: SandboxIssue, next: "open" | "closed", reason: string | null, now: string): void {
  issue.state = next;
  issue.stateReason = next === "closed" ? (reason ?? "completed") : (reason ?? "reopened");
  issue.closedAt = next === "closed" ? now : null;
}

export const issueRoutes: Routes = {
  "issues/get": {
    permission: "read",
    handle: (ctx) => ({
      status: 200,
      body: renderIssue(ctx.state, ctx.repo, requireIssue(ctx.repo, ctx.params.issue_number)),
    }),
  },

  "issues/list-for-repo": {
    permission: "read",
    handle(ctx) {
      const state = ctx.query.get("state") ?? "open";
      const wanted = (ctx.query.get("labels") ?? "")
        .split(",")
        .filter(Boolean)
        .map((l) => l.toLowerCase());
      const issues = [...ctx.repo.issues.values()]
        .filter((i) => state === "all" || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .sort((a, b) => b.number - a.number)
        .map((i) => renderIssue(ctx.state, ctx.repo, i));
      return page(ctx, issues, `/repos/${ctx.repo.fullName}/issues`);
    },
  },

  "issues/create": {
    permission: "read",
    handle(ctx) {
      const title = str(ctx.body, "title") ?? "";
      if (title.trim() === "") throw unprocessable("Validation Failed: title can't be blank", "title");
      const issue = newIssue(ctx, title, str(ctx.body, "body") ?? null, false);
      // GitHub applies labels and assignees given at creation only for triage access or more; it drops them silently otherwise.
      if (ctx.actor.type === "Bot" || permits(ctx.actor.permission, "triage")) {
        issue.labels = labelNames(ctx.body.labels).map((name) => ensureLabel(ctx, name).name);
        issue.assignees = Array.isArray(ctx.body.assignees)
          ? ctx.body.assignees.filter((a): a is string => typeof a === "string")
          : [];
      }
      const rendered = () => renderIssue(ctx.state, ctx.repo, issue);
      emit(ctx, "issues", { action: "opened", issue: rendered() });
      for (const name of issue.labels)
        emit(ctx, "issues", { action: "labeled", issue: rendered(), label: labelPayload(ctx, name) });
      return { status: 201, body: rendered() };
    },
  },

  "issues/update": {
    permission: "triage",
    handle(ctx) {
      const issue = requireIssue(ctx.repo, ctx.params.issue_number);
      const changes: Record<string, { from: unknown }> = {};
      const title = str(ctx.body, "title");
      if (title !== undefined && title !== issue.title) {
        changes.title = { from: issue.title };
        issue.title = title;
      }
      if ("body" in ctx.body && (ctx.body.body ?? null) !== issue.body) {
        changes.body = { from: issue.body };
        issue.body = str(ctx.body, "body") ?? null;
      }
      const before = issue.labels;
      if (ctx.body.labels !== undefined)
        issue.labels = labelNames(ctx.body.labels).map((name) => ensureLabel(ctx, name).name);
      const next = str(ctx.body, "state");
      const stateChanged = (next === "open" || next === "closed") && next !== issue.state;
      issue.updatedAt = ctx.state.now();
      if (stateChanged) setState(issue, next, str(ctx.body, "state_reason") ?? null, issue.updatedAt);
      const rendered = () => renderIssue(ctx.state, ctx.repo, issue);
      if (Object.keys(changes).length > 0)
        emit(ctx, "issues", { action: "edited", issue: rendered(), changes });
      for (const name of issue.labels.filter((l) => !before.includes(l))) {
        emit(ctx, "issues", { action: "labeled", issue: rendered(), label: labelPayload(ctx, name) });
      }
      for (const name of before.filter((l) => !issue.labels.includes(l))) {
        emit(ctx, "issues", { action: "unlabeled", issue: rendered(), label: labelPayload(ctx, name) });
      }
      if (stateChanged)
        emit(ctx, "issues", { action: issue.state === "closed" ? "closed" : "reopened", issue: rendered() });
      return { status: 200, body: rendered() };
    },
  },
};

function labelPayload(ctx: HandlerContext, name: string): Record<string, unknown> {
  return ensureLabel(ctx, name).rendered;
}
