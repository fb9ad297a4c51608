// Deploy after integration: a merged integration PR dispatches `deploy.workflow` (with `deploy.inputs`) on
// the branch it merged into, and the dispatch is followed by a timer keyed by workflow and branch. The run's
// workflow_run.completed event ends it: the result is commented on the integration PR, written to the audit
// stream, and a failure raises an alert. A run that never reports back alerts when the timer fires.
import type { RepoDeps } from "../repo-deps.js";
import { repoName } from "../repo-deps.js";
import { raiseAlert } from "./raise-alert.js";
import { readRepoConfig } from "./repo-config.js";
import type { TeamDeps } from "./team-deps.js";
import { deployTimerId, schedule, TimerSchema } from "./timers.js";

export const DEPLOY_FOLLOW_MS = 6 * 3_600_000;

/** `deploy.yml` → `.github/workflows/deploy.yml`, the path workflow runs report. */
export function workflowPath(workflow: string): string {
  return workflow.includes("/") ? workflow : `.github/workflows/${workflow}`;
}

export async function dispatchDeploy(
  deps: RepoDeps,
  pr: { number: number; base: string },
): Promise<string | null> {
  const config = await readRepoConfig(deps);
  const workflow = config.deploy.workflow;
  if (workflow === undefined) return null;
  await deps.github.dispatchWorkflow(deps.repo, workflow, pr.base, config.deploy.inputs);
  const path = workflowPath(workflow);
  await schedule(
    deps,
    { kind: "deploy", pr: pr.number, workflow: path, branch: pr.base },
    deps.store.now() + DEPLOY_FOLLOW_MS,
  );
  await deps.store.appendAudit({
    type: "deploy-dispatched",
    actor: "lanes",
    data: `#${pr.number} ${workflow} on ${pr.base}`,
  });
  await deps.github.createComment(
    deps.repo,
    pr.number,
    `🚀 Lanes dispatched the deploy workflow \`${workflow}\` on \`${pr.base}\`; its result will be reported here.`,
  );
  return path;
}

export interface FinishedRun {
  path: string;
  branch: string;
  conclusion: string | null;
  url: string;
  runNumber: number;
}

/** Reports a finished run of a followed deploy; returns the PR it reported on, or null (not ours). */
export async function reportDeployRun(deps: TeamDeps, run: FinishedRun): Promise<number | null> {
  const id = deployTimerId(run.path, run.branch);
  const raw = await deps.store.readTimer(id);
  if (raw === null) return null;
  const timer = TimerSchema.safeParse(JSON.parse(raw));
  if (!timer.success || timer.data.kind !== "deploy") return null;
  if (!(await deps.store.cancelTimer(id))) return null; // another replica reported it
  const { pr } = timer.data;
  const ok = run.conclusion === "success";
  const name = run.path.replace(/^.*\//, "");
  await deps.store.appendAudit({
    type: ok ? "deploy-succeeded" : "deploy-failed",
    actor: "lanes",
    data: `#${pr} ${name} run ${run.runNumber}: ${run.conclusion ?? "unknown"}`,
  });
  await deps.github.createComment(
    deps.repo,
    pr,
    `${ok ? "✅" : "❌"} Deploy \`${name}\` run [#${run.runNumber}](${run.url}) finished: **${run.conclusion ?? "unknown"}**.`,
  );
  if (!ok)
    await raiseAlert(deps, {
      key: `deploy-failed:${run.path}:${run.runNumber}`,
      kind: "deploy-failed",
      title: `Deploy ${name} failed`,
      text: `run #${run.runNumber} on ${run.branch} after integration PR #${pr}: ${run.conclusion ?? "unknown"} (${run.url})`,
      repo: repoName(deps.repo),
    });
  return pr;
}
