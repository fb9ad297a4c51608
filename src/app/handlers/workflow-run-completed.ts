// workflow_run.completed: a run of the lanes-integrate workflow that failed raises an alert
// (team/integration-alert); a workflow_dispatch run that is the deploy Lanes dispatched after an integration
// PR merged is reported on that PR (team/deploy). Any other run is ignored.
import { reportDeployRun } from "../team/deploy.js";
import { alertFailedIntegration, isIntegrationRun } from "../team/integration-alert.js";
import { repoOf, type Handler } from "./handler.js";

export const workflowRunCompleted: Handler<"workflow_run.completed"> = {
  relevant: (payload) =>
    isIntegrationRun(payload.workflow_run.path) || payload.workflow_run.event === "workflow_dispatch",
  async handle(payload, ctx) {
    const run = payload.workflow_run;
    const deps = ctx.forRepo(repoOf(payload));
    if (isIntegrationRun(run.path)) {
      const outcome = await alertFailedIntegration(deps, {
        id: run.id,
        runNumber: run.run_number,
        conclusion: run.conclusion,
        url: run.html_url,
        branch: run.head_branch ?? "",
        createdAt: run.created_at,
      });
      if (outcome !== null)
        ctx.log.warn({ run: run.id, conclusion: run.conclusion, outcome }, "integration failed");
      return;
    }
    const pr = await reportDeployRun(deps, {
      path: run.path,
      branch: run.head_branch ?? "",
      conclusion: run.conclusion,
      url: run.html_url,
      runNumber: run.run_number,
    });
    if (pr !== null) ctx.log.info({ pr, run: run.id, conclusion: run.conclusion }, "deploy reported");
  },
};
