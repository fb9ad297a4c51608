// Drives one lane after it is open: briefs the agent, reacts to its hook events, enforces the commit
// rule, pauses on usage limits and resumes, restarts a crashed agent, and finishes the lane.
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Budgets, Price } from "../config/usage-schema.js";
import { commitLaneWork, headCommitTime } from "./lane-commit.js";
import type { Logger } from "../observe/logger.js";
import type { ControlEntry } from "../state/lane-control.js";
import { sanitizeText } from "../text/sanitize.js";
import { BLOCKED_FILE, briefMessage, DONE_FILE } from "./lane-brief.js";
import { PaneDeadError } from "./errors.js";
import { diagnose } from "./failure-cause.js";
import type { JobPort } from "./job-port.js";
import { lanePayload, type LaneJob } from "./job-port.js";
import { ANSWERED_EVENT, isPermissionPrompt, type LaneEvent } from "./lane-events.js";
import { finishLane, type FinishOptions } from "./lane-finish.js";
import {
  commitRuleAction,
  limitLineCount,
  NUDGE_MESSAGE,
  RESUME_MESSAGE,
  resumeDue,
  usageLimitPause,
  type CommitRule,
} from "./lane-policy.js";
import { budgetPause, utcDay } from "./lane-budget.js";
import { listLanes, saveLane, type LaneRecord } from "./lane-record.js";
import type { LaneReport, LaneReporter } from "./lane-reporter.js";
import { readTranscriptUsage, usageTotals } from "./transcript-usage.js";
import { agentArgv, laneLaunch, paneEnvFor, type LaneHost } from "./lane-setup.js";
import type { PaneInfo } from "./tmux.js";
import { removeLaneWorktree } from "./lane-worktree.js";

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

const FINISH_RETRY = { attempts: 5, backoffMs: 15_000 };
/** The PRP's status comment shows tokens and cost at most this often while the lane works. */
const USAGE_REPORT_MS = 5 * 60_000;

export type LaneOutcome = "continue" | "closed";

const CONTINUE_MESSAGE = "Lanes: a maintainer resumed this lane. Continue exactly where you stopped.";

export class LaneDriver {
  private usageReportedAt = 0;

  constructor(
    private readonly ctx: DriverDeps,
    public lane: LaneRecord,
    private readonly job: LaneJob,
  ) {}

  private async save(patch: Partial<LaneRecord>): Promise<void> {
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
  private async reportFailure(outcome: { outcome: string }, reason: string): Promise<void> {
    const found = {
      ...(this.lane.cause ? { cause: this.lane.cause } : {}),
      ...(this.lane.lastLines ? { lastLines: this.lane.lastLines } : {}),
    };
    if (outcome.outcome === "retry") await this.report({ kind: "requeued", reason, ...found });
    if (outcome.outcome === "needs-human") await this.report({ kind: "gave-up", reason, ...found });
  }

  private async paste(text: string): Promise<boolean> {
    try {
      await this.ctx.host.tmux.sendText(this.lane.paneId, text);
      return true;
    } catch (error) {
      if (error instanceof PaneDeadError) return false;
      throw error;
    }
  }

  private async brief(): Promise<void> {
    if (await this.paste(briefMessage(this.lane, this.lane.restarts > 0)))
      await this.save({ briefed: true, sessionUsed: true, state: "working" });
  }

  async onEvent(event: LaneEvent): Promise<LaneOutcome> {
    const now = this.ctx.now();
    // The session id is Lanes' own; an event from another session (a subagent, a stray claude) only
    // counts as a sign of life.
    const ours = event.sessionId === undefined || event.sessionId === this.lane.sessionId;
    await this.save({
      lastEvent: event.event,
      lastEventAt: now,
      ...(ours && event.transcriptPath ? { transcriptPath: event.transcriptPath } : {}),
    });
    if (event.event === "Stop" || event.event === "SessionEnd") await this.countUsage();
    // the agent's part is over; only the push is retried
    if (this.lane.state === "finishing") return "continue";
    if (event.event === "SessionStart" && !this.lane.briefed) await this.brief();
    // `lanes say` pasted an answer into the pane itself and says so through the event log
    if (event.event === ANSWERED_EVENT) {
      await this.answered();
      return "continue";
    }
    if (event.event === "Notification" && event.message)
      await this.report({ kind: "asked", question: event.message });
    if (event.event === "Notification" && isPermissionPrompt(event)) return this.waitForPermission(event);
    // a turn that ends while its question is still open (.lanes/blocked) leaves the lane waiting
    const asking = event.event === "Stop" && existsSync(join(this.lane.worktree, BLOCKED_FILE));
    if (this.lane.state === "waiting" && event.event !== "Notification" && !asking)
      await this.save({ state: "working", waitingFor: undefined });
    if (event.event === "Stop" || event.event === "Notification") return this.afterTurn();
    return "continue";
  }

  /**
   * A permission prompt the lane's policy did not settle: nobody at the pane can answer it, so the
   * lane waits with the request recorded (shown by `stack status`) until a human answers or retries.
   */
  private async waitForPermission(event: LaneEvent): Promise<LaneOutcome> {
    const request = (event.message ?? "the agent asks for a permission").slice(0, 500);
    this.ctx.log.warn({ lane: this.lane.id, request }, "agent waits on a permission prompt");
    await this.save({ state: "waiting", waitingFor: request, note: `waiting for permission: ${request}` });
    return "continue";
  }

  /** The agent stopped or asked for attention: done, blocked, rate-limited or just idle. */
  private async afterTurn(): Promise<LaneOutcome> {
    const done = join(this.lane.worktree, DONE_FILE);
    if (existsSync(done)) return this.close("done", (await readFile(done, "utf8")).trim());
    const blocked = join(this.lane.worktree, BLOCKED_FILE);
    if (existsSync(blocked)) return this.ask((await readFile(blocked, "utf8")).trim());
    if (await this.checkBudget()) return "continue";
    if (await this.checkUsageLimit()) return "continue";
    if (this.lane.state === "working") await this.save({ state: "idle", limitAttempts: 0 });
    return "continue";
  }

  /**
   * The agent wrote a question to .lanes/blocked and stopped: the lane waits (its lease kept) with the
   * question in its record, `stack status` and the PRP's status comment, until `lanes say` or `/lanes say`.
   */
  private async ask(text: string): Promise<LaneOutcome> {
    const question = sanitizeText(text).slice(0, 2000) || "the agent is blocked and gives no reason";
    if (this.lane.state === "waiting" && this.lane.waitingFor === question) return "continue";
    this.ctx.log.info({ lane: this.lane.id }, "agent asks a question: lane waits for an answer");
    await this.save({ state: "waiting", waitingFor: question, note: `asks: ${question}`.slice(0, 500) });
    await this.report({ kind: "asked", question });
    return "continue";
  }

  /** An answer reached the pane: the question is closed and the agent works again. */
  private async answered(): Promise<void> {
    if (this.lane.state !== "waiting") return;
    await rm(join(this.lane.worktree, BLOCKED_FILE), { force: true });
    await this.save({ state: "working", waitingFor: undefined, note: undefined });
    await this.report({ kind: "answered" });
  }

  /** Tokens and cost so far, from the transcript Claude Code keeps for the lane's session. */
  private async countUsage(): Promise<void> {
    const path = this.lane.transcriptPath;
    if (!this.ctx.usage || !path || !existsSync(path)) return;
    try {
      await this.save({ usage: await readTranscriptUsage(path, this.ctx.usage.prices) });
    } catch (error) {
      this.ctx.log.warn({ lane: this.lane.id, path, err: String(error) }, "transcript unreadable");
      return;
    }
    await this.publishUsage(false);
  }

  /** Tokens and cost to Redis (for /metrics) and, every few minutes or when `now`, to the PRP. */
  private async publishUsage(now: boolean): Promise<void> {
    const usage = this.lane.usage && usageTotals(this.lane.usage);
    if (!usage) return;
    await this.ctx.store
      .recordLaneUsage?.(this.lane.id, { ...usage, role: this.lane.role })
      .catch((error: unknown) =>
        this.ctx.log.warn({ lane: this.lane.id, err: String(error) }, "could not record the lane's usage"),
      );
    if (!now && this.ctx.now() - this.usageReportedAt < USAGE_REPORT_MS) return;
    this.usageReportedAt = this.ctx.now();
    await this.report({ kind: "usage", usage });
  }

  /** A lane over its budget, or a stack over today's, pauses with the reason (no more briefs or nudges). */
  private async checkBudget(): Promise<boolean> {
    const usage = this.lane.usage;
    if (!this.ctx.usage || !usage) return false;
    const now = this.ctx.now();
    const day = utcDay(now);
    const today = { tokens: 0, costUsd: 0 };
    for (const lane of await listLanes(this.ctx.host.paths.lanes)) {
      const spend = (lane.id === this.lane.id ? usage : lane.usage)?.days[day];
      today.tokens += spend?.tokens ?? 0;
      today.costUsd += spend?.costUsd ?? 0;
    }
    const pause = budgetPause(usage, today, this.ctx.usage.budgets, now);
    if (!pause) return false;
    this.ctx.log.warn({ lane: this.lane.id, reason: pause.reason }, "budget reached: lane paused");
    await this.save({ state: "paused", pausedUntil: pause.until, note: pause.reason });
    return true;
  }

  private async checkUsageLimit(): Promise<boolean> {
    const text = await this.ctx.host.tmux.capture(this.lane.paneId, 2000).catch(() => "");
    const pause = usageLimitPause(this.lane, text, this.ctx.now(), this.ctx.hostTimeZone);
    if (!pause) {
      // Old messages scrolled out of the captured history: count from what is on screen now, so the
      // next new message is news again.
      const onScreen = limitLineCount(text, new Date(this.ctx.now()), this.ctx.hostTimeZone);
      if (onScreen < this.lane.limitLinesSeen) await this.save({ limitLinesSeen: onScreen });
      return false;
    }
    this.ctx.log.info(
      { lane: this.lane.id, until: new Date(pause.pausedUntil).toISOString() },
      "usage limit: lane paused",
    );
    await this.save({
      state: "paused",
      pausedUntil: pause.pausedUntil,
      limitLinesSeen: pause.limitLinesSeen,
      note: pause.message,
    });
    await this.report({ kind: "usage-limit", until: pause.pausedUntil });
    return true;
  }

  /**
   * Periodic duties: lease, crash detection, brief fallback and resume on every tick; the pane scrape
   * and the commit rule (each a subprocess) only on `slow` ticks. `panes` is one listing for all lanes.
   */
  async onTick(panes: readonly PaneInfo[], slow: boolean): Promise<LaneOutcome> {
    const now = this.ctx.now();
    const pausedUntil = this.lane.state === "paused" ? (this.lane.pausedUntil ?? null) : null;
    if ((await this.ctx.store.heartbeat(this.lane.lease, undefined, { pausedUntil })) === null)
      return this.leaseLost();
    if (this.lane.state === "finishing")
      return now >= (this.lane.finishAt ?? 0) ? this.finish(this.lane.summary ?? "") : "continue";
    const pane = panes.find((p) => p.paneId === this.lane.paneId);
    if (!pane) return this.restart("agent window disappeared");
    if (pane.dead) return this.agentDied(pane.deadStatus === null ? undefined : String(pane.deadStatus));
    if (!this.lane.briefed && now - this.lane.startedAt >= this.ctx.briefFallbackMs) await this.brief();
    if (resumeDue(this.lane, now)) {
      if (await this.paste(RESUME_MESSAGE)) {
        await this.save({ state: "working", limitAttempts: this.lane.limitAttempts + 1 });
        await this.report({ kind: "resumed" });
      }
      return "continue";
    }
    await this.pasteDueCheckIns(now);
    if (!slow) return "continue";
    if ((this.lane.state === "working" || this.lane.state === "idle") && (await this.checkUsageLimit()))
      return "continue";
    const lastCommitAt = (await headCommitTime(this.lane.worktree)) ?? undefined;
    const action = commitRuleAction(this.lane, lastCommitAt, now, this.ctx.commitRule);
    if (action === "nudge" && (await this.paste(NUDGE_MESSAGE))) await this.save({ nudgedAt: now });
    if (action === "wip-commit") {
      const sha = await commitLaneWork(
        this.lane.worktree,
        `WIP: lanes auto-commit for #${this.lane.issue} (no commit in 30 minutes)`,
        this.ctx.finish.env,
      );
      this.ctx.log.info({ lane: this.lane.id, sha }, "commit rule: WIP commit");
      await this.save({ nudgedAt: undefined, startedAt: sha ? this.lane.startedAt : now });
    }
    return "continue";
  }

  /**
   * The agent's pane is dead: its last lines say why. A cause restarting cannot fix (no login, no network)
   * ends the lane at once with the cause on the job, the PRP and the status; others restart as before.
   */
  private async agentDied(status: string | undefined): Promise<LaneOutcome> {
    const text = await this.ctx.host.tmux.capture(this.lane.paneId, 200).catch(() => "");
    const found = diagnose(text, status ?? "?");
    const reason = `${found.summary} [${found.cause}]`;
    this.ctx.log.error(
      { lane: this.lane.id, cause: found.cause, exit: status, lastLines: found.lastLines },
      `agent died: ${found.summary}`,
    );
    await this.save({ cause: found.cause, lastLines: found.lastLines });
    if (found.retryable) return this.restart(reason);
    const detail = found.lastLines
      ? `${reason}\n\nlast lines of the agent's pane:\n${found.lastLines}`
      : reason;
    const outcome = await this.ctx.store.fail(this.lane.lease, `${detail}`, { final: true });
    await this.ctx.host.tmux.killWindow(this.lane.paneId).catch(() => undefined);
    await this.save({
      state: "failed",
      note: `${reason}; not restarted: restarting cannot fix this (${outcome.outcome})`,
    });
    await this.report({
      kind: "gave-up",
      reason: `${reason}; not restarted: restarting cannot fix this`,
      cause: found.cause,
      lastLines: found.lastLines,
    });
    return "closed";
  }

  /** A crashed agent restarts in place with the same context, continuing its session when known. */
  private async restart(reason: string): Promise<LaneOutcome> {
    if (this.lane.restarts >= this.ctx.maxRestarts) {
      const lines = this.lane.lastLines ? `\n\nlast lines of the agent's pane:\n${this.lane.lastLines}` : "";
      const outcome = await this.ctx.store.fail(
        this.lane.lease,
        `${reason}; restarted ${this.lane.restarts} times${lines}`,
      );
      await this.ctx.host.tmux.killWindow(this.lane.paneId).catch(() => undefined);
      await this.save({ state: "failed", note: `${reason} (${outcome.outcome})` });
      await this.reportFailure(outcome, reason);
      return "closed";
    }
    this.ctx.log.warn({ lane: this.lane.id, reason }, "agent crashed: restarting with the same context");
    const command = agentArgv(
      this.ctx.host.agent.command(laneLaunch(this.lane, lanePayload(this.job).model ?? this.lane.model)),
    );
    const spec = { cwd: this.lane.worktree, command, env: paneEnvFor(this.ctx.host, this.lane.id) };
    let paneId = this.lane.paneId;
    try {
      await this.ctx.host.tmux.respawnPane(paneId, spec);
    } catch {
      paneId = await this.ctx.host.tmux.newWindow({
        session: this.ctx.host.session,
        window: this.lane.window,
        ...spec,
      });
    }
    await this.save({
      paneId,
      restarts: this.lane.restarts + 1,
      briefed: false,
      state: "starting",
      startedAt: this.ctx.now(),
      note: reason,
    });
    return "continue";
  }

  /** The agent says it is done: its window goes, then the branch is pushed and the PR opened. */
  async close(_state: "done", summary: string): Promise<LaneOutcome> {
    // Recorded before the window goes: a supervisor that dies from here on is followed by one that
    // resumes the push, instead of finding the agent's window gone and starting the agent again.
    await this.save({ state: "finishing", summary });
    await this.ctx.host.tmux.killWindow(this.lane.paneId).catch(() => undefined);
    return this.finish(summary);
  }

  private async finish(summary: string): Promise<LaneOutcome> {
    let report: Awaited<ReturnType<typeof finishLane>>;
    try {
      report = await finishLane(this.lane, summary, this.ctx.finish);
    } catch (error) {
      return this.finishFailed(summary, error);
    }
    // kept before the ack: a supervisor that dies after it finds the lane's figures in its record
    await this.save({ commits: report.commits, ...(report.pr ? { pr: report.pr } : {}) });
    await this.ctx.store.ack(this.lane.lease);
    await this.clearCheckIns();
    await this.publishUsage(true);
    await removeLaneWorktree(this.ctx.host.repo, this.lane.worktree);
    this.ctx.log.info({ lane: this.lane.id, ...report }, "lane done");
    await this.save({
      state: "done",
      commits: report.commits,
      note: [summary, ...report.notes].join("; ").slice(0, 1000),
      finishAt: undefined,
      ...(report.pr ? { pr: report.pr } : {}),
    });
    await this.report({ kind: "finished", summary, ...(report.pr ? { pr: report.pr } : {}) });
    return "closed";
  }

  /**
   * The work is committed on the lane's branch; only the push (or the PR step) failed. It is tried
   * again on later ticks, with backoff, never by running the agent again; when the tries are used up
   * the job waits for a human, who fixes the remote and retries it.
   */
  private async finishFailed(summary: string, error: unknown): Promise<LaneOutcome> {
    const reason = `finishing the lane failed: ${error instanceof Error ? error.message : String(error)}`;
    const retry = this.ctx.finishRetry ?? FINISH_RETRY;
    const attempts = (this.lane.finishAttempts ?? 0) + 1;
    if (attempts < retry.attempts) {
      const delayMs = retry.backoffMs * 2 ** (attempts - 1);
      this.ctx.log.warn(
        { lane: this.lane.id, attempts, delayMs, err: reason },
        "lane not finished: trying again",
      );
      await this.save({
        state: "finishing",
        summary,
        finishAttempts: attempts,
        finishAt: this.ctx.now() + delayMs,
        note: `${reason}; trying again in ${Math.ceil(delayMs / 1000)} s (${attempts} of ${retry.attempts} tries; the agent does not run again)`.slice(
          0,
          1000,
        ),
      });
      return "continue";
    }
    const final = `${reason} (${attempts} tries; the work is committed on ${this.lane.branch})`;
    const outcome = await this.ctx.store.fail(this.lane.lease, final, { final: true });
    this.ctx.log.error(
      { lane: this.lane.id, outcome: outcome.outcome, err: reason },
      "lane could not be finished",
    );
    await this.save({
      state: "failed",
      finishAttempts: attempts,
      note: `${final} (${outcome.outcome})`.slice(0, 1000),
    });
    await this.reportFailure(outcome, final);
    return "closed";
  }

  /**
   * The lease is gone: the job was cancelled (the PRP withdrawn), so the lane's worktree goes too; or it
   * expired and was requeued, and another host may take the lane over.
   */
  private async leaseLost(): Promise<LaneOutcome> {
    await this.ctx.host.tmux.killWindow(this.lane.paneId).catch(() => undefined);
    const job = await this.ctx.store.findJob?.(this.lane.lease.jobId).catch(() => null);
    if (job?.state === "cancelled") {
      this.ctx.log.info({ lane: this.lane.id }, "job cancelled: lane stopped and its worktree removed");
      await removeLaneWorktree(this.ctx.host.repo, this.lane.worktree);
      await this.clearCheckIns();
      await this.save({ state: "lost", note: "cancelled: the PRP was withdrawn" });
      return "closed";
    }
    if (job?.state === "done") return this.finishedBefore();
    this.ctx.log.warn({ lane: this.lane.id }, "lease lost: another host may take the lane over");
    await this.save({ state: "lost" });
    await this.report({ kind: "requeued", reason: "the lease was lost" });
    return "closed";
  }

  /**
   * The queue has the job done: a supervisor acknowledged it (only ever after the push) and died before
   * it recorded the lane done. The record catches up; the lane is not lost, and nothing runs again.
   */
  private async finishedBefore(): Promise<LaneOutcome> {
    this.ctx.log.info({ lane: this.lane.id }, "lane was done before the supervisor restarted");
    await removeLaneWorktree(this.ctx.host.repo, this.lane.worktree).catch(() => undefined);
    const summary = this.lane.summary ?? "";
    await this.save({ state: "done", finishAt: undefined, note: summary || undefined });
    await this.report({ kind: "finished", summary, ...(this.lane.pr ? { pr: this.lane.pr } : {}) });
    return "closed";
  }

  /** `stack resume --rebrief-all` and `/lanes say`: paste a message into the agent's pane (an answer, if it asked). */
  async say(text: string): Promise<boolean> {
    const pasted = await this.paste(text);
    if (pasted && this.lane.state === "waiting") await this.answered();
    // an idle prompt leaves the lane working while its PRP waits: the answer brings that back too
    else if (pasted) await this.report({ kind: "answered" });
    return pasted;
  }

  /**
   * `/lanes schedule` check-ins whose time has come, from Redis (so a lane taken over from a dead host still
   * gets them): each pasted, then removed. A dead pane keeps them for later; a paused lane gets them after
   * it resumes. A Redis failure is logged and tried on the next tick.
   */
  private async pasteDueCheckIns(now: number): Promise<void> {
    if (this.lane.state === "paused") return;
    const key = String(this.lane.issue);
    try {
      for (const checkIn of await this.ctx.store.dueCheckIns(key, now)) {
        if (!(await this.paste(`Lanes check-in: ${checkIn.note}`))) return;
        await this.ctx.store.removeCheckIn(key, checkIn);
        this.ctx.log.info({ lane: this.lane.id, checkIn: checkIn.id }, "check-in pasted");
      }
    } catch (error) {
      this.ctx.log.warn({ lane: this.lane.id, err: String(error) }, "check-ins unreadable; trying again");
    }
  }

  /** The lane is over (done or cancelled): check-ins still pending for its PRP have no agent to reach. */
  private async clearCheckIns(): Promise<void> {
    await this.ctx.store
      .clearCheckIns(String(this.lane.issue))
      .catch((error: unknown) =>
        this.ctx.log.warn({ lane: this.lane.id, err: String(error) }, "could not clear the lane's check-ins"),
      );
  }

  /**
   * A command from the lane's control channel (`/lanes say|pause|resume|rebrief|schedule|cancel`).
   * "check-lease" asks the supervisor for a tick now: a cancelled job ends the lane at once.
   */
  async applyControl(entry: ControlEntry): Promise<LaneOutcome | "check-lease"> {
    const message = entry.message;
    this.ctx.log.info(
      { lane: this.lane.id, op: message.op, id: entry.id, actor: entry.actor },
      "lane command",
    );
    switch (message.op) {
      case "say":
        await this.say(message.text);
        return "continue";
      case "rebrief":
        await this.brief();
        return "continue";
      case "schedule":
        // kept in Redis, not on this host: a lane picked up elsewhere still pastes it when due
        await this.ctx.store.scheduleCheckIn(String(this.lane.issue), {
          id: entry.id,
          at: message.dueAt,
          note: message.note,
        });
        return "continue";
      case "pause":
        if (this.lane.state === "paused") return "continue";
        // Escape interrupts Claude Code's turn; the lane keeps its lease and its pane
        await this.ctx.host.tmux.sendKey(this.lane.paneId, "Escape").catch(() => undefined);
        await this.save({ state: "paused", pausedUntil: undefined, note: `paused by @${entry.actor}` });
        await this.report({ kind: "paused", by: entry.actor });
        return "continue";
      case "resume":
        if (this.lane.state !== "paused") return "continue";
        if (await this.paste(CONTINUE_MESSAGE)) {
          await this.save({ state: "working", pausedUntil: undefined, note: undefined });
          await this.report({ kind: "resumed", by: entry.actor });
        }
        return "continue";
      case "cancel":
        return "check-lease";
    }
  }

  async rebrief(): Promise<void> {
    await this.brief();
  }
}
