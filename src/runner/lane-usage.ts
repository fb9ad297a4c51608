// A lane's tokens and cost: counted from the session's transcript, published to Redis and the PRP, and
// checked against lanes.yml budgets. Never stops an agent itself: an exceeded budget only pauses the lane.
import { existsSync } from "node:fs";
import type { DrivenLane } from "./driven-lane.js";
import { budgetPause, utcDay } from "./lane-budget.js";
import { listLanes } from "./lane-record.js";
import { readTranscriptUsage, usageTotals } from "./transcript-usage.js";

/** The PRP's status comment shows tokens and cost at most this often while the lane works. */
const USAGE_REPORT_MS = 5 * 60_000;

/** Tokens and cost so far, from the transcript Claude Code keeps for the lane's session. */
export async function countUsage(d: DrivenLane): Promise<void> {
  const path = d.lane.transcriptPath;
  if (!d.ctx.usage || !path || !existsSync(path)) return;
  try {
    await d.save({ usage: await readTranscriptUsage(path, d.ctx.usage.prices) });
  } catch (error) {
    d.ctx.log.warn({ lane: d.lane.id, path, err: String(error) }, "transcript unreadable");
    return;
  }
  await publishUsage(d, false);
}

/** Tokens and cost to Redis (for /metrics) and, every few minutes or when `now`, to the PRP. */
export async function publishUsage(d: DrivenLane, now: boolean): Promise<void> {
  const usage = d.lane.usage && usageTotals(d.lane.usage);
  if (!usage) return;
  await d.ctx.store
    .recordLaneUsage?.(d.lane.id, { ...usage, role: d.lane.role })
    .catch((error: unknown) =>
      d.ctx.log.warn({ lane: d.lane.id, err: String(error) }, "could not record the lane's usage"),
    );
  if (!now && d.ctx.now() - d.usageReportedAt < USAGE_REPORT_MS) return;
  d.usageReportedAt = d.ctx.now();
  await d.report({ kind: "usage", usage });
}

/** A lane over its budget, or a stack over today's, pauses with the reason (no more briefs or nudges). */
export async function checkBudget(d: DrivenLane): Promise<boolean> {
  const usage = d.lane.usage;
  if (!d.ctx.usage || !usage) return false;
  const now = d.ctx.now();
  const day = utcDay(now);
  const today = { tokens: 0, costUsd: 0 };
  for (const lane of await listLanes(d.ctx.host.paths.lanes)) {
    const spend = (lane.id === d.lane.id ? usage : lane.usage)?.days[day];
    today.tokens += spend?.tokens ?? 0;
    today.costUsd += spend?.costUsd ?? 0;
  }
  const pause = budgetPause(usage, today, d.ctx.usage.budgets, now);
  if (!pause) return false;
  d.ctx.log.warn({ lane: d.lane.id, reason: pause.reason }, "budget reached: lane paused");
  await d.save({ state: "paused", pausedUntil: pause.until, note: pause.reason });
  return true;
}
