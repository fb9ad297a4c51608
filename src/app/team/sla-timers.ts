// Schedules a PRP's checks when it enters a state (the App sees every `lanes:*` label it or a supervisor
// sets): queued starts its SLA clocks (claim and PR, per priority) and its deadline checks; waiting and
// paused start the checks of a long wait or pause. Each check re-reads the state when it fires.
import { durationMs, type LanesConfig } from "../../config/index.js";
import { priorityRank, type Priority } from "../../prp/index.js";
import type { PrpState } from "../prp-state.js";
import type { RepoDeps } from "../repo-deps.js";
import { schedule } from "./timers.js";

export const SLA_LEVELS = ["P0", "P1", "P2", "P3"] as const;

export function slaLevel(priority: Priority): (typeof SLA_LEVELS)[number] {
  return SLA_LEVELS[priorityRank(priority)] ?? "P2";
}

/** When a `deadline:` runs out: a date alone means the end of that day (UTC). */
export function deadlineAt(deadline: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return Date.parse(`${deadline}T00:00:00Z`) + 86_400_000;
  const at = Date.parse(deadline.replace(" ", "T"));
  return Number.isNaN(at) ? Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`) + 86_400_000 : at;
}

export interface PrpFacts {
  priority: Priority;
  deadline?: string;
}

export async function scheduleStateChecks(
  deps: Pick<RepoDeps, "store">,
  config: LanesConfig,
  issue: number,
  state: PrpState,
  prp: PrpFacts,
): Promise<string[]> {
  const now = deps.store.now();
  const scheduled: string[] = [];
  if (state === "queued") {
    const level = slaLevel(prp.priority);
    const sla = config.sla[level];
    // `keep`: a PRP queued again (a retry) is measured from when it was first queued
    if (
      await schedule(
        deps,
        { kind: "sla-claim", issue, priority: level, limit: sla.claim },
        now + durationMs(sla.claim),
        { keep: true },
      )
    )
      scheduled.push("sla-claim");
    if (
      await schedule(
        deps,
        { kind: "sla-pr", issue, priority: level, limit: sla.pr },
        now + durationMs(sla.pr),
        { keep: true },
      )
    )
      scheduled.push("sla-pr");
    if (prp.deadline) {
      const due = deadlineAt(prp.deadline);
      await schedule(deps, { kind: "overdue", issue, deadline: prp.deadline }, due);
      // at risk when less than the PR SLA is left and no PR exists yet
      await schedule(
        deps,
        { kind: "at-risk", issue, deadline: prp.deadline },
        Math.max(now, due - durationMs(sla.pr)),
      );
      scheduled.push("overdue", "at-risk");
    }
  }
  if (state === "waiting") {
    const minutes = config.alerts.waiting_minutes;
    await schedule(deps, { kind: "waiting", issue, minutes }, now + minutes * 60_000);
    scheduled.push("waiting");
  }
  if (state === "paused") {
    const minutes = config.alerts.paused_minutes;
    await schedule(deps, { kind: "paused", issue, minutes }, now + minutes * 60_000);
    scheduled.push("paused");
  }
  return scheduled;
}
