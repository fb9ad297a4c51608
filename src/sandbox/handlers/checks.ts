// Check runs (only a GitHub App may write them, as on GitHub), their annotations and action buttons.
import { notFound, unprocessable } from "../errors.js";
import { commitExists } from "../bare-repo.js";
import { emit, page, requireStr, str, type HandlerContext, type Routes } from "../handler.js";
import { renderCheckRun } from "../render-resources.js";
import type { SandboxAnnotation, SandboxCheckRun } from "../state.js";

function apply(ctx: HandlerContext, run: SandboxCheckRun): void {
  const b = ctx.body;
  run.name = str(b, "name") ?? run.name;
  run.detailsUrl = str(b, "details_url") ?? run.detailsUrl;
  run.externalId = str(b, "external_id") ?? run.externalId;
  run.startedAt = str(b, "started_at") ?? run.startedAt;
  const conclusion = str(b, "conclusion");
  const status = str(b, "status") ?? (conclusion ? "completed" : undefined);
  if (status) run.status = status;
  if (conclusion) run.conclusion = conclusion;
  if (run.status === "completed" && !run.conclusion)
    throw unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.', "conclusion");
  if (run.status === "completed")
    run.completedAt = str(b, "completed_at") ?? run.completedAt ?? ctx.state.now();
  const output = b.output as
    { title?: string; summary?: string; text?: string; annotations?: SandboxAnnotation[] } | undefined;
  if (output) {
    run.output = {
      title: output.title ?? run.output.title,
      summary: output.summary ?? run.output.summary,
      text: output.text ?? run.output.text,
    };
    run.annotations.push(...(output.annotations ?? []));
  }
  if (Array.isArray(b.actions)) run.actions = b.actions as SandboxCheckRun["actions"];
}

function requireRun(ctx: HandlerContext): SandboxCheckRun {
  const run = ctx.repo.checkRuns.get(Number(ctx.params.check_run_id));
  if (!run) throw notFound();
  return run;
}

export const checkRoutes: Routes = {
  "checks/create": {
    permission: "app",
    async handle(ctx) {
      const headSha = requireStr(ctx.body, "head_sha");
      if (!(await commitExists(ctx.repo.gitDir, headSha)))
        throw unprocessable("No commit found for SHA: " + headSha, "head_sha");
      const run: SandboxCheckRun = {
        id: ctx.state.nextId(),
        name: requireStr(ctx.body, "name"),
        headSha,
        status: "queued",
        conclusion: null,
        startedAt: ctx.state.now(),
        completedAt: null,
        detailsUrl: null,
        externalId: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        actions: [],
      };
      apply(ctx, run);
      ctx.repo.checkRuns.set(run.id, run);
      const rendered = renderCheckRun(ctx.state, ctx.repo, run);
      emit(ctx, "check_run", { action: "created", check_run: rendered });
      return { status: 201, body: rendered };
    },
  },

  "checks/update": {
    permission: "app",
    handle(ctx) {
      const run = requireRun(ctx);
      const wasCompleted = run.status === "completed";
      apply(ctx, run);
      const rendered = renderCheckRun(ctx.state, ctx.repo, run);
      if (!wasCompleted && run.status === "completed")
        emit(ctx, "check_run", { action: "completed", check_run: rendered });
      return { status: 200, body: rendered };
    },
  },

  "checks/get": {
    permission: "read",
    handle: (ctx) => ({ status: 200, body: renderCheckRun(ctx.state, ctx.repo, requireRun(ctx)) }),
  },

  "checks/list-for-ref": {
    permission: "read",
    handle(ctx) {
      const ref = ctx.params.ref ?? "";
      const name = ctx.query.get("check_name");
      const runs = [...ctx.repo.checkRuns.values()]
        .filter((r) => r.headSha === ref && (!name || r.name === name))
        .sort((a, b) => b.id - a.id);
      // filter=latest (GitHub's default): the most recent run of each name.
      const latest =
        ctx.query.get("filter") === "all"
          ? runs
          : runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
      const check_runs = latest.map((r) => renderCheckRun(ctx.state, ctx.repo, r));
      return { status: 200, body: { total_count: check_runs.length, check_runs } };
    },
  },

  "checks/list-annotations": {
    permission: "read",
    handle(ctx) {
      const run = requireRun(ctx);
      const items = run.annotations.map((a) => ({
        start_column: null,
        end_column: null,
        title: null,
        raw_details: null,
        ...a,
        blob_href: "",
      }));
      return page(ctx, items, `/repos/${ctx.repo.fullName}/check-runs/${run.id}/annotations`);
    },
  },
};

/** What a user clicking "Re-run" or an action button does: a check_run webhook to the App. */
export function requestCheckRunAction(ctx: HandlerContext, runId: number, identifier: string | null): void {
  const run = ctx.repo.checkRuns.get(runId);
  if (!run) throw notFound();
  if (identifier !== null && !run.actions.some((a) => a.identifier === identifier)) {
    throw unprocessable(`check run ${runId} has no action "${identifier}"`, "identifier");
  }
  const check_run = renderCheckRun(ctx.state, ctx.repo, run);
  if (identifier === null) emit(ctx, "check_run", { action: "rerequested", check_run });
  else emit(ctx, "check_run", { action: "requested_action", check_run, requested_action: { identifier } });
}
