// The charts' series, computed from data Lanes already keeps: the audit stream's state transitions
// (`<issue> <from> -> <to>`, capped, so only the stream's window), its handoff entries, the lanes' token
// counts per UTC day, and the PRPs' gate attempts (first-try pass: every gate green on the first head commit).
import type { AuditEntry, GateSummary, LaneSnapshot } from "../state/index.js";

export interface ChartData {
  /** UTC days (YYYY-MM-DD), oldest first: the x axis of every series below. */
  days: string[];
  prpsDone: number[];
  /** Median hours from a PRP's first state (labelled `prp`) to done, per day it was done; null with none. */
  leadTimeHours: (number | null)[];
  /** Median hours to done over every PRP done in the window; null with none. */
  leadTimeMedianHours: number | null;
  /** Hours PRPs spent in each state, counted on the day they left it. */
  hoursIn: Record<"waiting" | "blocked" | "needs-human", number[]>;
  tokensByRole: Record<string, number[]>;
  costByRole: Record<string, number[]>;
  /** Share of PRPs whose gates all passed on their first head commit, by the day of its first result (%). */
  firstTryPassPercent: (number | null)[];
  /** The same over the whole window (0–1); null without gate results. */
  firstTryPassRatio: number | null;
  /** `/lanes handoff` records per day. */
  handoffs: number[];
}

const TRANSITION = /^(\S+) (\S+) -> (\S+)$/;
const TRACKED = ["waiting", "blocked", "needs-human"] as const;

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round((value ?? 0) * 100) / 100;
}

/** The last `count` UTC days up to `now`, oldest first. */
export function lastDays(now: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => utcDay(now - (count - 1 - i) * 86_400_000));
}

export function chartData(
  audit: readonly AuditEntry[],
  lanes: readonly LaneSnapshot[],
  now: number,
  dayCount = 14,
  gates: readonly GateSummary[] = [],
): ChartData {
  const days = lastDays(now, dayCount);
  const index = new Map(days.map((d, i) => [d, i]));
  const zeros = () => days.map(() => 0);
  const prpsDone = zeros();
  const leadTimes = days.map((): number[] => []);
  const hoursIn = { waiting: zeros(), blocked: zeros(), "needs-human": zeros() };
  const firstSeen = new Map<string, number>();
  const entered = new Map<string, number>();
  const done = new Set<string>();

  const handoffs = zeros();
  for (const entry of audit) {
    const handoffDay = entry.type === "handoff" ? index.get(utcDay(entry.at)) : undefined;
    if (handoffDay !== undefined) handoffs[handoffDay] = (handoffs[handoffDay] ?? 0) + 1;
    if (entry.type !== "transition" || !entry.data) continue;
    const match = TRANSITION.exec(entry.data);
    if (!match) continue;
    const [, issue = "", from = "", to = ""] = match;
    const day = index.get(utcDay(entry.at));
    if (!firstSeen.has(issue)) firstSeen.set(issue, entry.at);
    const since = entered.get(issue);
    if (since !== undefined && (TRACKED as readonly string[]).includes(from) && day !== undefined) {
      const series = hoursIn[from as (typeof TRACKED)[number]];
      series[day] = (series[day] ?? 0) + (entry.at - since) / 3_600_000;
    }
    entered.set(issue, entry.at);
    if (to === "done" && day !== undefined) {
      done.add(issue);
      prpsDone[day] = (prpsDone[day] ?? 0) + 1;
      if (from !== "(none)")
        leadTimes[day]?.push((entry.at - (firstSeen.get(issue) ?? entry.at)) / 3_600_000);
    }
  }
  // Local stacks have no App and so no transitions: their finished lanes count as done PRPs.
  for (const lane of lanes) {
    const day = index.get(utcDay(lane.updatedAt));
    if (lane.state !== "done" || done.has(String(lane.issue)) || day === undefined) continue;
    done.add(String(lane.issue));
    prpsDone[day] = (prpsDone[day] ?? 0) + 1;
  }

  const tokensByRole: Record<string, number[]> = {};
  const costByRole: Record<string, number[]> = {};
  for (const lane of lanes) {
    for (const [day, spend] of Object.entries(lane.days)) {
      const i = index.get(day);
      if (i === undefined) continue;
      const tokens = (tokensByRole[lane.role] ??= zeros());
      tokens[i] = (tokens[i] ?? 0) + spend.tokens;
      const cost = (costByRole[lane.role] ??= zeros());
      cost[i] = Math.round(((cost[i] ?? 0) + spend.costUsd) * 1e4) / 1e4;
    }
  }
  const tries = days.map(() => ({ passed: 0, all: 0 }));
  let passed = 0;
  let judged = 0;
  for (const summary of gates) {
    const day = tries[index.get(utcDay(summary.firstAt)) ?? -1];
    if (!day) continue;
    day.all += 1;
    judged += 1;
    if (summary.firstTryPass) {
      day.passed += 1;
      passed += 1;
    }
  }
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);
  return {
    days,
    prpsDone,
    leadTimeHours: leadTimes.map(median),
    leadTimeMedianHours: median(leadTimes.flat()),
    hoursIn: {
      waiting: round(hoursIn.waiting),
      blocked: round(hoursIn.blocked),
      "needs-human": round(hoursIn["needs-human"]),
    },
    tokensByRole,
    costByRole,
    firstTryPassPercent: tries.map((t) => (t.all === 0 ? null : Math.round((100 * t.passed) / t.all))),
    firstTryPassRatio: judged === 0 ? null : Math.round((passed / judged) * 1000) / 1000,
    handoffs,
  };
}
