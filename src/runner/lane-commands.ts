// A maintainer's commands to a running lane (`/lanes say|pause|resume|rebrief|schedule|cancel`, `lanes say`):
// text reaches the pane only pasted; a pause interrupts the turn but keeps the lane's lease and pane.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { ControlEntry } from "../state/lane-control.js";
import type { DrivenLane, LaneOutcome } from "./driven-lane.js";
import { BLOCKED_FILE } from "./lane-brief.js";

const CONTINUE_MESSAGE = "Lanes: a maintainer resumed this lane. Continue exactly where you stopped.";

/** An answer reached the pane: the question is closed and the agent works again. */
export async function answered(d: DrivenLane): Promise<void> {
  if (d.lane.state !== "waiting") return;
  await rm(join(d.lane.worktree, BLOCKED_FILE), { force: true });
  await d.save({ state: "working", waitingFor: undefined, note: undefined });
  await d.report({ kind: "answered" });
}

/** `stack resume --rebrief-all` and `/lanes say`: paste a message into the agent's pane (an answer, if it asked). */
export async function sayToLane(d: DrivenLane, text: string): Promise<boolean> {
  const pasted = await d.paste(text);
  if (pasted && d.lane.state === "waiting") await answered(d);
  // an idle prompt leaves the lane working while its PRP waits: the answer brings that back too
  else if (pasted) await d.report({ kind: "answered" });
  return pasted;
}

/**
 * A command from the lane's control channel (`/lanes say|pause|resume|rebrief|schedule|cancel`).
 * "check-lease" asks the supervisor for a tick now: a cancelled job ends the lane at once.
 */
export async function applyLaneCommand(
  d: DrivenLane,
  entry: ControlEntry,
): Promise<LaneOutcome | "check-lease"> {
  const message = entry.message;
  d.ctx.log.info({ lane: d.lane.id, op: message.op, id: entry.id, actor: entry.actor }, "lane command");
  switch (message.op) {
    case "say":
      await sayToLane(d, message.text);
      return "continue";
    case "rebrief":
      await d.brief();
      return "continue";
    case "schedule":
      // kept in Redis, not on this host: a lane picked up elsewhere still pastes it when due
      await d.ctx.store.scheduleCheckIn(String(d.lane.issue), {
        id: entry.id,
        at: message.dueAt,
        note: message.note,
      });
      return "continue";
    case "pause":
      if (d.lane.state === "paused") return "continue";
      // Escape interrupts Claude Code's turn; the lane keeps its lease and its pane
      await d.ctx.host.tmux.sendKey(d.lane.paneId, "Escape").catch(() => undefined);
      await d.save({ state: "paused", pausedUntil: undefined, note: `paused by @${entry.actor}` });
      await d.report({ kind: "paused", by: entry.actor });
      return "continue";
    case "resume":
      if (d.lane.state !== "paused") return "continue";
      if (await d.paste(CONTINUE_MESSAGE)) {
        await d.save({ state: "working", pausedUntil: undefined, note: undefined });
        await d.report({ kind: "resumed", by: entry.actor });
      }
      return "continue";
    case "cancel":
      return "check-lease";
  }
}
