// Starts one of the workflows `lanes init` writes (the App has no checkout, so work that needs one runs in
// Actions), and turns GitHub's refusals into the next step for the commenter: a missing workflow, one from
// before it had a manual trigger, or an App without `actions: write`.
import { GitHubRequestError, type DispatchedRun } from "../../github/index.js";
import { CommandFailedError } from "../errors.js";
import type { RepoDeps } from "../repo-deps.js";

export const GATES_WORKFLOW = "lanes-gates.yml";
export const INTEGRATE_WORKFLOW = "lanes-integrate.yml";

export async function startWorkflow(
  deps: Pick<RepoDeps, "github" | "repo">,
  workflow: string,
  ref: string,
  inputs: Record<string, string>,
): Promise<DispatchedRun | null> {
  try {
    return await deps.github.dispatchWorkflow(deps.repo, workflow, ref, inputs);
  } catch (error) {
    if (!(error instanceof GitHubRequestError)) throw error;
    const file = `\`.github/workflows/${workflow}\` on \`${ref}\``;
    if (error.status === 404)
      throw new CommandFailedError(`${file} does not exist: \`lanes init\` writes it.`, { cause: error });
    if (error.status === 422)
      throw new CommandFailedError(
        `${file} cannot be started this way (GitHub: ${gitHubMessage(error)}); it predates this command: run \`lanes init\` again and commit the updated workflow.`,
        { cause: error },
      );
    if (error.status === 403)
      throw new CommandFailedError(
        `Lanes may not start ${file}: its token needs the \`actions: write\` permission.`,
        { cause: error },
      );
    throw error;
  }
}

/** A markdown link to the run, or where to look when GitHub did not say which run it started. */
export function runLink(run: DispatchedRun | null, workflow: string): string {
  return run ? `[${workflow} run ${run.id}](${run.htmlUrl})` : `the \`${workflow}\` runs in the Actions tab`;
}

function gitHubMessage(error: GitHubRequestError): string {
  const text = error.message.replace(/^GitHub \S+ failed with HTTP \d+: /, "").split("\n")[0] ?? "";
  return text.replace(/ - https:\/\/\S+$/, "");
}
