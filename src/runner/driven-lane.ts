// One open lane as the driver's parts see it: its record, its job and the steps they all share (save the
// record, report to the PRP, paste into the pane, brief the agent). Never decides what a lane does next.
import type { Budgets, Price } from "../config/usage-schema.js";
import type { Logger } from "../observe/logger.js";
import { briefMessage } from "./lane-brief.js";
import { PaneDeadError } from "./errors.js";
import type { JobPort, LaneJob } from "./job-port.js";
import type { FinishOptions } from "./lane-finish.js";
import type { CommitRule } from "./lane-policy.js";
import { saveLane, type LaneRecord } from "./lane-record.js";
import type { LaneReport, LaneReporter } from "./lane-reporter.js";
import type { LaneHost } from "./lane-setup.js";

export interface DriverDeps {
  host: LaneHost;
  store: JobPort;
  log: Logger;
  now: () => number;
  finish: FinishOptions;
  commitRule?: CommitRule;
  /** Restarts of a crashed agent on this host before the job is failed back to the queue. */
  maxRestarts: number;
  hostTimeZone?: string | undefined;
  /** Paste the brief anyway when the agent has not reported SessionStart after this long. */
  briefFallbackMs: number;
  /** Tells the PRP (state label, status comment) what happens to the lane. */
  reporter?: LaneReporter;
  /** lanes.yml `prices` (with Lanes' defaults) and `budgets`; no accounting when absent. */
  usage?: { prices: Record<string, Price>; budgets: Budgets } | undefined;
  /** A failed push or PR step is tried again this many times in all, waiting `backoffMs`, doubled each time. */
  finishRetry?: { attempts: number; backoffMs: number };
}

export type LaneOutcome = "continue" | "closed";

export class DrivenLane {
  /** When the PRP's status comment last showed the lane's tokens and cost. */
  usageReportedAt = 0;

  constructor(
    readonly ctx: DriverDeps,
    public lane: LaneRecord,
    readonly job: LaneJob,
  ) {}

  async save(patch: Partial<LaneRecord>): Promise<void> {
    this.lane = { ...this.lane, ...patch };
    await saveLane(this.ctx.host.paths.lane(this.lane.id), this.lane);
  }

  /** Reports to the PRP; a GitHub or Redis failure here is logged and never fails the lane. */
  async report(report: LaneReport): Promise<void> {
    await this.ctx.reporter?.report(this.job, report).catch((error: unknown) => {
      this.ctx.log.warn(
        { lane: this.lane.id, report: report.kind, err: String(error) },
        "could not report to the PRP",
      );
    });
  }

  /** A failed run went back to the queue or to a person: the PRP says which. */
  async reportFailure(outcome: { outcome: string }, reason: string): Promise<void> {
    const found = {
      ...(this.lane.cause ? { cause: this.lane.cause } : {}),
      ...(this.lane.lastLines ? { lastLines: this.lane.lastLines } : {}),
    };
    if (outcome.outcome === "retry") await this.report({ kind: "requeued", reason, ...found });
    if (outcome.outcome === "needs-human") await this.report({ kind: "gave-up", reason, ...found });
  }

  async paste(text: string): Promise<boolean> {
    try {
      await this.ctx.host.tmux.sendText(this.lane.paneId, text);
      return true;
    } catch (error) {
      if (error instanceof PaneDeadError) return false;
      throw error;
    }
  }

  async brief(): Promise<void> {
    if (await this.paste(briefMessage(this.lane, this.lane.restarts > 0)))
      await this.save({ briefed: true, sessionUsed: true, state: "working" });
  }
}
