// What a fired timer does. SLA and deadline checks re-read the PRP's state: a breach is flagged on the PRP
// (its status comment shows it, the dashboard reads the record) and raises an alert; a check the PRP already
// passed does nothing. Alert retries deliver again; the standup is posted and scheduled for the next day; the
// host check looks at the runner hosts' heartbeats and schedules the next.
import { currentState } from "../transition.js";
import { publishStatus } from "../status/publish-status.js";
import { repoName } from "../repo-deps.js";
import { checkHosts } from "./host-watch.js";
import { flagHolds } from "./prp-flags.js";
import { deliverToWebhook, raiseAlert } from "./raise-alert.js";
import type { TeamDeps } from "./team-deps.js";
import type { Timer } from "./timers.js";

/** Marks the PRP (status comment, record) and raises the alert for the flag. */
export async function flagPrp(deps: TeamDeps, issue: number, kind: string, title: string, text: string) {
  const record = await deps.store.readPrpRecord(issue);
  await deps.store.patchPrpRecord(issue, { flags: { ...record.flags, [kind]: text } });
  await deps.store.addPrpEvent(issue, `${title}: ${text}`);
  await publishStatus(deps, issue);
  const url = `https://github.com/${repoName(deps.repo)}/issues/${issue}`;
  return raiseAlert(deps, {
    key: `${kind}:${issue}`,
    kind,
    title,
    text,
    repo: repoName(deps.repo),
    issue,
    url,
  });
}

export interface TeamTimerHooks {
  /** Posts the daily standup (issue 19); absent where no standup runs. */
  standup?(deps: TeamDeps): Promise<unknown>;
}

export async function fireTimer(deps: TeamDeps, timer: Timer, hooks: TeamTimerHooks = {}): Promise<void> {
  if (timer.kind === "alert-retry") {
    await deliverToWebhook(deps, timer.alert, { url: timer.url, secretEnv: timer.secretEnv }, timer.attempt);
    return;
  }
  if (timer.kind === "deploy") {
    const name = timer.workflow.replace(/^.*\//, "");
    await raiseAlert(deps, {
      key: `deploy-silent:${timer.workflow}:${timer.pr}`,
      kind: "deploy-silent",
      title: `Deploy ${name} did not report`,
      text: `no finished run of ${name} on ${timer.branch} since integration PR #${timer.pr} merged`,
      repo: repoName(deps.repo),
    });
    return;
  }
  if (timer.kind === "standup") {
    await hooks.standup?.(deps);
    return;
  }
  if (timer.kind === "hosts") {
    await checkHosts(deps);
    return;
  }
  const { state } = await currentState(deps.store, timer.issue);
  const title = `#${timer.issue}`;
  switch (timer.kind) {
    case "sla-claim":
      if (flagHolds("sla-claim", state))
        await flagPrp(
          deps,
          timer.issue,
          "sla-claim",
          `SLA breach on ${title}`,
          `not claimed within ${timer.limit} (${timer.priority})`,
        );
      return;
    case "sla-pr":
      if (flagHolds("sla-pr", state))
        await flagPrp(
          deps,
          timer.issue,
          "sla-pr",
          `SLA breach on ${title}`,
          `no pull request within ${timer.limit} (${timer.priority})`,
        );
      return;
    case "at-risk":
      if (flagHolds("at-risk", state))
        await flagPrp(
          deps,
          timer.issue,
          "at-risk",
          `${title} is at risk`,
          `deadline ${timer.deadline} is near and it has no pull request`,
        );
      return;
    case "overdue":
      if (flagHolds("overdue", state))
        await flagPrp(
          deps,
          timer.issue,
          "overdue",
          `${title} is overdue`,
          `its deadline ${timer.deadline} passed`,
        );
      return;
    case "waiting":
      if (state === "waiting")
        await raiseAlert(
          deps,
          alertOf(
            deps,
            timer.issue,
            "waiting",
            `${title} is waiting for an answer`,
            `the agent's question has waited ${timer.minutes} minutes`,
          ),
        );
      return;
    case "paused":
      if (state === "paused")
        await raiseAlert(
          deps,
          alertOf(
            deps,
            timer.issue,
            "paused",
            `${title} is paused`,
            `paused by a usage limit for ${timer.minutes} minutes`,
          ),
        );
      return;
  }
}

/** An alert about one PRP; `kind` with the time it happened keeps a second occurrence from being a duplicate. */
export function alertOf(
  deps: TeamDeps,
  issue: number,
  kind: string,
  title: string,
  text: string,
  at?: number,
) {
  return {
    key: `${kind}:${issue}:${at ?? deps.store.now()}`,
    kind,
    title,
    text,
    repo: repoName(deps.repo),
    issue,
  };
}
