// Judging lane pull requests again: the lanes-gates workflow is dispatched with a PR's number, head commit,
// branch and base (the workflow from the base branch runs, so a lane cannot change what judges it).
import type { PullRequest } from "../../github/index.js";
import { CommandFailedError } from "../errors.js";
import { laneIssueOf } from "../handlers/pull-request-closed.js";
import type { CommandContext } from "./command.js";
import { GATES_WORKFLOW, runLink, startWorkflow } from "./start-workflow.js";

/** The lane PRs a command on this comment means: the PR itself, or the PRP's open lane PRs. */
export async function lanePulls(ctx: CommandContext): Promise<PullRequest[]> {
  const { github, repo } = ctx.deps;
  if (ctx.where.isPullRequest) {
    const pull = await github.getPull(repo, ctx.where.number);
    if (laneIssueOf(pull.head.ref) === undefined)
      throw new CommandFailedError(
        `#${pull.number} is not a lane's pull request (its branch is \`${pull.head.ref}\`); the gates judge only lanes.`,
      );
    if (pull.state !== "open") throw new CommandFailedError(`#${pull.number} is closed: nothing to judge.`);
    return [pull];
  }
  const issue = await ctx.prp();
  const pulls = (await github.listPulls(repo, { state: "open" })).filter(
    (p) => laneIssueOf(p.head.ref) === issue,
  );
  if (pulls.length === 0) throw new CommandFailedError(`#${issue} has no open lane pull request to judge.`);
  return pulls;
}

/** The lanes-gates workflow_dispatch inputs for a pull request (the workflow declares exactly these). */
export function gatesInputs(pull: Pick<PullRequest, "number" | "head" | "base">): Record<string, string> {
  return {
    pr: String(pull.number),
    head_sha: pull.head.sha,
    head_ref: pull.head.ref,
    base_ref: pull.base.ref,
  };
}

/** Starts the gates on the pull request's head; the reply line says what started and links the run. */
export async function recheckPull(ctx: CommandContext, pull: PullRequest): Promise<string> {
  const run = await startWorkflow(ctx.deps, GATES_WORKFLOW, pull.base.ref, gatesInputs(pull));
  return `Gates started on #${pull.number} at \`${pull.head.sha.slice(0, 7)}\`: ${runLink(run, GATES_WORKFLOW)}.`;
}
