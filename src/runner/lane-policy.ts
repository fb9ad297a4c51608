// The supervisor's decisions as pure functions of a lane and the time: the 30-minute commit rule and
// usage-limit pauses and resumes. No I/O, so every rule is tested with a fake clock.
import type { LaneRecord } from "./lane-record.js";
import { detectUsageLimit, planResume } from "./usage-limit.js";

export interface CommitRule {
  /** Longest time without a commit before the agent is nudged (default 30 min). */
  everyMs: number;
  /** Time after the nudge before Lanes makes a WIP commit itself (default 5 min). */
  graceMs: number;
}

export const DEFAULT_COMMIT_RULE: CommitRule = { everyMs: 30 * 60_000, graceMs: 5 * 60_000 };

export type CommitAction = "none" | "nudge" | "wip-commit";

/** What the commit rule asks for now, given the time of the lane's latest commit (if any). */
export function commitRuleAction(
  lane: LaneRecord,
  lastCommitAt: number | undefined,
  now: number,
  rule = DEFAULT_COMMIT_RULE,
): CommitAction {
  if (lane.state !== "working" && lane.state !== "idle") return "none";
  const since = Math.max(lastCommitAt ?? 0, lane.startedAt);
  if (now - since < rule.everyMs) return "none";
  if (lane.nudgedAt === undefined || lane.nudgedAt < since) return "nudge";
  return now - lane.nudgedAt >= rule.graceMs ? "wip-commit" : "none";
}

export const NUDGE_MESSAGE =
  "Lanes: it has been 30 minutes since this lane's last commit. Commit your work now (small commit, message says why), then go on.";
export const RESUME_MESSAGE =
  "Lanes: your usage limit should have reset. Continue exactly where you stopped.";

export interface PauseDecision {
  pausedUntil: number;
  limitLinesSeen: number;
  message: string;
}

/** How many usage-limit lines the pane text shows (old ones scroll out of the captured history). */
export function limitLineCount(text: string, now: Date, hostTimeZone: string | undefined): number {
  return text.split("\n").filter((line) => detectUsageLimit(line, { now, hostTimeZone }) !== undefined)
    .length;
}

/**
 * Whether pane text shows a usage-limit message the lane has not reacted to yet; if so, until when
 * to pause. Messages already counted (still on screen from an earlier pause) are not news.
 */
export function usageLimitPause(
  lane: LaneRecord,
  paneText: string,
  now: number,
  hostTimeZone?: string,
): PauseDecision | undefined {
  const at = new Date(now);
  const count = limitLineCount(paneText, at, hostTimeZone);
  if (count <= lane.limitLinesSeen) return undefined;
  const found = detectUsageLimit(paneText, { now: at, hostTimeZone });
  if (!found) return undefined;
  return {
    pausedUntil: planResume(found, at, lane.limitAttempts).getTime(),
    limitLinesSeen: count,
    message: found.message,
  };
}

export function resumeDue(lane: LaneRecord, now: number): boolean {
  return lane.state === "paused" && lane.pausedUntil !== undefined && now >= lane.pausedUntil;
}
