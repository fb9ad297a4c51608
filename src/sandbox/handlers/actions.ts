// workflow_dispatch: recorded on the repository and announced with the workflow_dispatch webhook.
import { SandboxHttpError, unprocessable } from "../errors.js";
import { resolveRef } from "../bare-repo.js";
import { emit, requireStr, type Routes } from "../handler.js";

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
      ctx.repo.workflowDispatches.push({ workflow: path, ref: qualified, inputs });
      emit(ctx, "workflow_dispatch", { inputs, ref: qualified, workflow: path });
      return { status: 204 };
    },
  },
};
