// What a supervisor tells the PRP about its lane: state changes (claimed, asked, finished, paused …) and
// progress notes. The port is implemented by the App's lifecycle (state label + status comment) and given to
// the supervisor by the CLI; a failed report is logged, never fails the lane.
import type { UsageTotals } from "../state/index.js";
import type { LaneJob } from "./job-port.js";

export type LaneReport =
  | { kind: "claimed"; branch: string; attempts: number; host: string }
  | { kind: "asked"; question: string }
  | { kind: "answered" }
  | { kind: "finished"; pr?: string; summary: string }
  | { kind: "usage-limit"; until: number }
  | { kind: "resumed" }
  | { kind: "requeued"; reason: string }
  | { kind: "gave-up"; reason: string }
  | { kind: "withdrawn" }
  | { kind: "problem"; message: string }
  /** Tokens and cost so far (at most every few minutes, and when the lane finishes). */
  | { kind: "usage"; usage: UsageTotals };

export interface LaneReporter {
  report(job: Pick<LaneJob, "id" | "issue">, report: LaneReport): Promise<void>;
}
