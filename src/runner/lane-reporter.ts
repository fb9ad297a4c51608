// What a supervisor tells the PRP about its lane: state changes (claimed, asked, finished, paused …) and
// progress notes. The port is implemented by the App's lifecycle (state label + status comment) and given to
// the supervisor by the CLI; a failed report is logged, never fails the lane.
import type { FailureCause } from "./failure-cause.js";
import type { UsageTotals } from "../state/index.js";
import type { LaneJob } from "./job-port.js";

/** Why the agent died, when that is known: the cause and the pane's last lines (sanitised). */
export interface DeathFacts {
  cause?: FailureCause;
  lastLines?: string;
}

export type LaneReport =
  | { kind: "claimed"; branch: string; attempts: number; host: string }
  | { kind: "asked"; question: string }
  | { kind: "answered" }
  | { kind: "finished"; pr?: string; summary: string }
  | { kind: "usage-limit"; until: number }
  | { kind: "paused"; by: string }
  | { kind: "resumed"; by?: string }
  | ({ kind: "requeued"; reason: string } & DeathFacts)
  | ({ kind: "gave-up"; reason: string } & DeathFacts)
  | { kind: "withdrawn" }
  | { kind: "problem"; message: string }
  /** Tokens and cost so far (at most every few minutes, and when the lane finishes). */
  | { kind: "usage"; usage: UsageTotals };

export interface LaneReporter {
  report(job: Pick<LaneJob, "id" | "issue">, report: LaneReport): Promise<void>;
}
