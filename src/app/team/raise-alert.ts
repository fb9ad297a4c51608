// Raises an alert: once per key (de-duplicated for a day), at most RATE_PER_MINUTE per repository, to every
// outgoing webhook (a failed delivery is retried with backoff by the scheduler) and, for a PRP, in the one
// comment that mentions its owners. Every delivery, failure, drop and retry is in the audit stream.
import { errorMessage } from "../../errors.js";
import { parsePrp } from "../../prp/index.js";
import { readOwnerRules, readRepoConfig } from "./repo-config.js";
import { mentionOwners } from "./mention-owners.js";
import { ownersOf } from "./owners-of.js";
import { sendWebhook } from "./send-webhook.js";
import type { TeamDeps } from "./team-deps.js";
import { schedule, type Alert } from "./timers.js";

export const DEDUPE_SEC = 24 * 3600;
export const RATE_PER_MINUTE = 20;
/** Delay before retry n (1-based) of a failed webhook delivery; after the last one it is given up. */
export const RETRY_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000];

export type AlertOutcome = "sent" | "duplicate" | "rate-limited";

async function audit(deps: TeamDeps, type: string, alert: Alert, data: Record<string, unknown> = {}) {
  await deps.store.appendAudit({
    type,
    actor: "lanes-alerts",
    ...(alert.issue ? { job: `#${alert.issue}` } : {}),
    data: JSON.stringify({ key: alert.key, kind: alert.kind, ...data }),
  });
}

/** One delivery to one webhook; on failure, the retry is scheduled (`attempt` is the delivery's number). */
export async function deliverToWebhook(
  deps: TeamDeps,
  alert: Alert,
  hook: { url: string; secretEnv: string },
  attempt: number,
): Promise<boolean> {
  try {
    await sendWebhook({
      ...hook,
      alert,
      env: deps.env ?? process.env,
      fetch: deps.fetch ?? fetch,
    });
    await audit(deps, "alert-delivered", alert, { url: hook.url, attempt });
    return true;
  } catch (error) {
    const delay = RETRY_BACKOFF_MS[attempt - 1];
    await audit(deps, "alert-delivery-failed", alert, {
      url: hook.url,
      attempt,
      error: errorMessage(error),
      ...(delay === undefined ? { gaveUp: true } : { retryInMs: delay }),
    });
    if (delay !== undefined)
      await schedule(
        deps,
        { kind: "alert-retry", alert, ...hook, attempt: attempt + 1 },
        deps.store.now() + delay,
      );
    return false;
  }
}

async function prpOwners(deps: TeamDeps, issue: number): Promise<string[]> {
  const record = await deps.store.readPrpRecord(issue);
  if (record.reviewers && record.reviewers.length > 0) return record.reviewers;
  const { body } = await deps.github.getIssue(deps.repo, issue);
  const parsed = parsePrp(body ?? "");
  const paths = parsed.prp?.paths ?? [];
  // a PRP's paths are globs (src/api/**): each stands for a file at its fixed start
  const samples = paths.map((p) => p.replace(/\*.*$/, "x"));
  return samples.length === 0 ? [] : ownersOf(samples, await readOwnerRules(deps));
}

export async function raiseAlert(deps: TeamDeps, alert: Alert): Promise<AlertOutcome> {
  if (!(await deps.store.markOnce(`alert:${alert.key}`, DEDUPE_SEC))) {
    await audit(deps, "alert-duplicate", alert);
    return "duplicate";
  }
  if ((await deps.store.countInWindow("alerts", 60)) > RATE_PER_MINUTE) {
    await audit(deps, "alert-rate-limited", alert);
    return "rate-limited";
  }
  const config = await readRepoConfig(deps);
  deps.log.warn({ alert: alert.key, kind: alert.kind, issue: alert.issue }, alert.title);
  for (const hook of config.alerts.webhooks)
    await deliverToWebhook(deps, alert, { url: hook.url, secretEnv: hook.secret_env }, 1);
  if (config.alerts.mention_owners && alert.issue !== undefined) {
    try {
      const owners = await prpOwners(deps, alert.issue);
      if (owners.length > 0) {
        const how = await mentionOwners(deps, alert.issue, owners, alert, deps.store.now());
        await audit(deps, "alert-mentioned", alert, { owners, comment: how });
      }
    } catch (error) {
      await audit(deps, "alert-mention-failed", alert, { error: errorMessage(error) });
    }
  }
  return "sent";
}
