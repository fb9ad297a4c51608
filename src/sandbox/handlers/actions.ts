// workflow_dispatch: recorded on the repository and announced with the workflow_dispatch webhook; it starts a
// queued workflow run (workflow_run.requested) that a test completes (workflow_run.completed). A workflow file
// at the ref is checked as GitHub does (trigger and inputs); a ref without the file is let through, so a test
// need not commit a workflow to see its dispatch. `return_run_details` answers with the run, as GitHub does.
import { SandboxHttpError, unprocessable } from "../errors.js";
import { readBlob, resolveRef } from "../bare-repo.js";
import { dispatchRefusal } from "../workflow-trigger.js";
import { emit, requireStr, type EventContext, type Routes } from "../handler.js";
import type { SandboxWorkflowRun } from "../state.js";

export const actionRoutes: Routes = {
  "actions/create-workflow-dispatch": {
    permission: "write",
    async handle(ctx) {
      const workflow = ctx.params.workflow_id ?? "";
      const ref = requireStr(ctx.body, "ref");
      const qualified = ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
      if ((await resolveRef(ctx.repo.gitDir, qualified)) === null)
        throw unprocessable(`No ref found for: ${ref}`, "ref");
      const inputs = (ctx.body.inputs ?? {}) as Record<string, unknown>;
      if (Object.keys(inputs).length > 25)
        throw new SandboxHttpError(
          422,
          "you may only define up to 25 `inputs` for a `workflow_dispatch` event",
        );
      const path = /^\d+$/.test(workflow)
        ? `.github/workflows/${workflow}.yml`
        : `.github/workflows/${workflow}`;
      const file = await readBlob(ctx.repo.gitDir, qualified, path);
      const refused = file ? dispatchRefusal(file.content.toString("utf8"), inputs) : undefined;
      if (refused !== undefined) throw new SandboxHttpError(422, refused);
      ctx.repo.workflowDispatches.push({ workflow: path, ref: qualified, inputs });
      emit(ctx, "workflow_dispatch", { inputs, ref: qualified, workflow: path });
      const run: SandboxWorkflowRun = {
        id: ctx.state.nextId(),
        runNumber: ctx.repo.workflowRuns.size + 1,
        path,
        headBranch: qualified.replace(/^refs\/heads\//, ""),
        headSha: (await resolveRef(ctx.repo.gitDir, qualified)) ?? "",
        event: "workflow_dispatch",
        status: "queued",
        conclusion: null,
        createdAt: ctx.state.now(),
      };
      ctx.repo.workflowRuns.set(run.id, run);
      emitWorkflowRun(ctx, run, "requested");
      if (ctx.body.return_run_details !== true) return { status: 204 };
      return {
        status: 200,
        body: {
          workflow_run_id: run.id,
          run_url: `${ctx.state.apiUrl}/repos/${ctx.repo.fullName}/actions/runs/${run.id}`,
          html_url: renderWorkflowRun(ctx, run).html_url,
        },
      };
    },
  },
};

export function renderWorkflowRun(ctx: EventContext, run: SandboxWorkflowRun): Record<string, unknown> {
  const name = run.path.replace(/^.*\//, "");
  return {
    id: run.id,
    name,
    path: run.path,
    run_number: run.runNumber,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    html_url: `${ctx.state.apiUrl}/_web/${ctx.repo.fullName}/actions/runs/${run.id}`,
    created_at: run.createdAt,
  };
}

export function emitWorkflowRun(ctx: EventContext, run: SandboxWorkflowRun, action: string): void {
  emit(ctx, "workflow_run", {
    action,
    workflow_run: renderWorkflowRun(ctx, run),
    workflow: { path: run.path, name: run.path.replace(/^.*\//, "") },
  });
}
