// Labels: the repository's label set, and labels on issues (labeled / unlabeled webhooks).
import { SandboxHttpError, notFound, unprocessable } from "../errors.js";
import { emit, page, requireIssue, requireStr, str, type HandlerContext, type Routes } from "../handler.js";
import { renderIssue, renderLabel } from "../render-resources.js";
import type { SandboxLabel } from "../state.js";

/** Label names from a body value: strings, or objects with a name (both are accepted by GitHub). */
export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) =>
    typeof v === "string"
      ? [v]
      : typeof v === "object" && v !== null && typeof (v as { name?: unknown }).name === "string"
        ? [(v as { name: string }).name]
        : [],
  );
}

/** Finds a label, creating it with GitHub's default colour the way adding an unknown label does. */
export function ensureLabel(
  ctx: HandlerContext,
  name: string,
): SandboxLabel & { rendered: Record<string, unknown> } {
  const key = name.toLowerCase();
  let label = ctx.repo.labels.get(key);
  if (!label) {
    label = { id: ctx.state.nextId(), name, color: "ededed", description: null };
    ctx.repo.labels.set(key, label);
  }
  return { ...label, rendered: renderLabel(ctx.state, ctx.repo, label) };
}

const COLOR = /^[0-9a-fA-F]{6}$/;

export const labelRoutes: Routes = {
  "issues/list-labels-for-repo": {
    permission: "read",
    handle: (ctx) =>
      page(
        ctx,
        [...ctx.repo.labels.values()].map((l) => renderLabel(ctx.state, ctx.repo, l)),
        `/repos/${ctx.repo.fullName}/labels`,
      ),
  },

  "issues/create-label": {
    permission: "write",
    handle(ctx) {
      const name = requireStr(ctx.body, "name");
      if (ctx.repo.labels.has(name.toLowerCase()))
        throw unprocessable("Validation Failed: a label named this already exists", "name");
      const color = (str(ctx.body, "color") ?? "ededed").replace(/^#/, "");
      if (!COLOR.test(color))
        throw unprocessable(`Validation Failed: color "${color}" is not a 6-digit hex colour`, "color");
      const label: SandboxLabel = {
        id: ctx.state.nextId(),
        name,
        color: color.toLowerCase(),
        description: str(ctx.body, "description") ?? null,
      };
      ctx.repo.labels.set(name.toLowerCase(), label);
      return { status: 201, body: renderLabel(ctx.state, ctx.repo, label) };
    },
  },

  "issues/update-label": {
    permission: "write",
    handle(ctx) {
      const label = ctx.repo.labels.get((ctx.params.name ?? "").toLowerCase());
      if (!label) throw notFound();
      const color = str(ctx.body, "color");
      if (color !== undefined) {
        if (!COLOR.test(color.replace(/^#/, "")))
          throw unprocessable(`Validation Failed: color "${color}" is not a 6-digit hex colour`, "color");
        label.color = color.replace(/^#/, "").toLowerCase();
      }
      if ("description" in ctx.body) label.description = str(ctx.body, "description") ?? null;
      const newName = str(ctx.body, "new_name");
      if (newName !== undefined) {
        ctx.repo.labels.delete(label.name.toLowerCase());
        label.name = newName;
        ctx.repo.labels.set(newName.toLowerCase(), label);
      }
      return { status: 200, body: renderLabel(ctx.state, ctx.repo, label) };
    },
  },

  "issues/add-labels": {
    permission: "triage",
    handle(ctx) {
      const issue = requireIssue(ctx.repo, ctx.params.issue_number);
      const names = labelNames(ctx.body.labels);
      if (names.length === 0) throw unprocessable('Invalid request.\n\n"labels" wasn\'t supplied.', "labels");
      for (const name of names) {
        const label = ensureLabel(ctx, name);
        if (issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) continue;
        issue.labels.push(label.name);
        emit(ctx, "issues", {
          action: "labeled",
          issue: renderIssue(ctx.state, ctx.repo, issue),
          label: label.rendered,
        });
      }
      return { status: 200, body: renderIssue(ctx.state, ctx.repo, issue).labels };
    },
  },

  "issues/remove-label": {
    permission: "triage",
    handle(ctx) {
      const issue = requireIssue(ctx.repo, ctx.params.issue_number);
      const name = (ctx.params.name ?? "").toLowerCase();
      const held = issue.labels.find((l) => l.toLowerCase() === name);
      if (held === undefined) throw new SandboxHttpError(404, "Label does not exist");
      issue.labels = issue.labels.filter((l) => l !== held);
      emit(ctx, "issues", {
        action: "unlabeled",
        issue: renderIssue(ctx.state, ctx.repo, issue),
        label: ensureLabel(ctx, held).rendered,
      });
      return { status: 200, body: renderIssue(ctx.state, ctx.repo, issue).labels };
    },
  },
};
