// A run of the lanes-integrate workflow (`lanes init` writes it) that failed or timed out raises one alert per
// run, naming the run, its link and what it was integrating: the open integration PR of the run's day when
// there is one, else that day's integration branch. Never alerts on a success or a cancelled run.
import { integrationBranch, isoDate } from "../../integrate/plan-integration.js";
import { errorMessage } from "../../errors.js";
import { repoName } from "../repo-deps.js";
import { DEDUPE_SEC, raiseAlert, type AlertOutcome } from "./raise-alert.js";
import type { TeamDeps } from "./team-deps.js";

/** The path workflow runs of the integration report (`renderIntegrateWorkflow`). */
export const INTEGRATE_WORKFLOW_PATH = ".github/workflows/lanes-integrate.yml";

/** Conclusions of a run that did not integrate: a failed step, the job's time limit, a broken workflow. */
export const FAILED_INTEGRATION: readonly string[] = ["failure", "timed_out", "startup_failure"];

export interface IntegrationRun {
  id: number;
  runNumber: number;
  conclusion: string | null;
  url: string;
  /** The branch the workflow ran on (the base the lanes are integrated onto). */
  branch: string;
  /** When the run was created (ISO): its day names the integration branch. */
  createdAt: string;
}

export function isIntegrationRun(path: string | undefined): boolean {
  return path === INTEGRATE_WORKFLOW_PATH;
}

/** The integration PR or branch the run worked on, as far as GitHub still shows it. */
async function whatWasIntegrated(deps: TeamDeps, run: IntegrationRun): Promise<string> {
  const branch = integrationBranch(isoDate(new Date(run.createdAt)));
  try {
    const open = await deps.github.listPulls(deps.repo, { state: "open" });
    const pr = open.find((p) => p.head.ref === branch);
    if (pr) return `integration PR #${pr.number} (${branch} into ${pr.base.ref})`;
    const sha = await deps.github.branchSha(deps.repo, branch);
    return sha === null ? `no ${branch} was written` : `${branch} (no pull request open)`;
  } catch (error) {
    deps.log.warn({ err: errorMessage(error) }, "could not look up the integration PR of a failed run");
    return `${branch} (not looked up: ${errorMessage(error)})`;
  }
}

/** Alerts on a failed integration run; null when the run did not fail. */
export async function alertFailedIntegration(
  deps: TeamDeps,
  run: IntegrationRun,
): Promise<AlertOutcome | null> {
  if (run.conclusion === null || !FAILED_INTEGRATION.includes(run.conclusion)) return null;
  // a redelivered or re-requested event of the same run: no second look-up, no second alert
  if (!(await deps.store.markOnce(`integration-run:${run.id}`, DEDUPE_SEC))) return "duplicate";
  const what = await whatWasIntegrated(deps, run);
  await deps.store.appendAudit({
    type: "integration-failed",
    actor: "lanes",
    data: `run ${run.runNumber} (${run.id}) on ${run.branch}: ${run.conclusion}; ${what}`,
  });
  return raiseAlert(deps, {
    key: `integration-failed:${run.id}`,
    kind: "integration-failed",
    title: `Integration run #${run.runNumber} ${run.conclusion === "timed_out" ? "timed out" : "failed"}`,
    text: `lanes-integrate on ${run.branch}: ${run.conclusion}; ${what}. See ${run.url}`,
    repo: repoName(deps.repo),
    url: run.url,
  });
}
