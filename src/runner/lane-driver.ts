// Drives one lane after it is open: briefs the agent, reacts to its hook events, enforces the commit
// rule, pauses on usage limits and resumes, restarts a crashed agent, and finishes the lane. The steps
// live beside it: lane-finishing, lane-crash, lane-usage, lane-commands, lane-check-ins (on driven-lane).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { commitLaneWork, headCommitTime } from "./lane-commit.js";
import type { ControlEntry } from "../state/lane-control.js";
import { sanitizeText } from "../text/sanitize.js";
import { DrivenLane, type LaneOutcome } from "./driven-lane.js";
import { BLOCKED_FILE, DONE_FILE } from "./lane-brief.js";
import { pasteDueCheckIns } from "./lane-check-ins.js";
import { answered, applyLaneCommand, sayToLane } from "./lane-commands.js";
import { agentDied, restartAgent } from "./lane-crash.js";
import { ANSWERED_EVENT, isPermissionPrompt, type LaneEvent } from "./lane-events.js";
import { closeLane, finishDoneLane, leaseLost } from "./lane-finishing.js";
import {
  commitRuleAction,
  limitLineCount,
  NUDGE_MESSAGE,
  RESUME_MESSAGE,
  resumeDue,
  usageLimitPause,
} from "./lane-policy.js";
import { checkBudget, countUsage } from "./lane-usage.js";
import type { PaneInfo } from "./tmux.js";

/** A driven lane whose hook events and ticks decide what it does next. */
export class LaneDriver extends DrivenLane {
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
    if (event.event === "Stop" || event.event === "SessionEnd") await countUsage(this);
    // the agent's part is over; only the push is retried
    if (this.lane.state === "finishing") return "continue";
    if (event.event === "SessionStart" && !this.lane.briefed) await this.brief();
    // `lanes say` pasted an answer into the pane itself and says so through the event log
    if (event.event === ANSWERED_EVENT) {
      await answered(this);
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
    if (await checkBudget(this)) return "continue";
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
      return leaseLost(this);
    if (this.lane.state === "finishing")
      return now >= (this.lane.finishAt ?? 0) ? finishDoneLane(this, this.lane.summary ?? "") : "continue";
    const pane = panes.find((p) => p.paneId === this.lane.paneId);
    if (!pane) return restartAgent(this, "agent window disappeared");
    if (pane.dead) return agentDied(this, pane.deadStatus === null ? undefined : String(pane.deadStatus));
    if (!this.lane.briefed && now - this.lane.startedAt >= this.ctx.briefFallbackMs) await this.brief();
    if (resumeDue(this.lane, now)) {
      if (await this.paste(RESUME_MESSAGE)) {
        await this.save({ state: "working", limitAttempts: this.lane.limitAttempts + 1 });
        await this.report({ kind: "resumed" });
      }
      return "continue";
    }
    await pasteDueCheckIns(this, now);
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

  /** The agent says it is done: its window goes, then the branch is pushed and the PR opened. */
  async close(_state: "done", summary: string): Promise<LaneOutcome> {
    return closeLane(this, summary);
  }

  /** `stack resume --rebrief-all` and `/lanes say`: paste a message into the agent's pane (an answer, if it asked). */
  async say(text: string): Promise<boolean> {
    return sayToLane(this, text);
  }

  /**
   * A command from the lane's control channel (`/lanes say|pause|resume|rebrief|schedule|cancel`).
   * "check-lease" asks the supervisor for a tick now: a cancelled job ends the lane at once.
   */
  async applyControl(entry: ControlEntry): Promise<LaneOutcome | "check-lease"> {
    return applyLaneCommand(this, entry);
  }

  async rebrief(): Promise<void> {
    await this.brief();
  }
}
