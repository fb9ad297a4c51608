// workflow_run.completed of a workflow_dispatch run: when it is the deploy Lanes dispatched after an
// integration PR merged, its result is reported on that PR (team/deploy). Any other run is ignored.
import { reportDeployRun } from "../team/deploy.js";
import { repoOf, type Handler } from "./handler.js";

export const workflowRunCompleted: Handler<"workflow_run.completed"> = {
  relevant: (payload) => payload.workflow_run.event === "workflow_dispatch",
  async handle(payload, ctx) {
    const run = payload.workflow_run;
    const pr = await reportDeployRun(ctx.forRepo(repoOf(payload)), {
      path: run.path,
      branch: run.head_branch ?? "",
      conclusion: run.conclusion,
      url: run.html_url,
      runNumber: run.run_number,
    });
    if (pr !== null) ctx.log.info({ pr, run: run.id, conclusion: run.conclusion }, "deploy reported");
  },
};
