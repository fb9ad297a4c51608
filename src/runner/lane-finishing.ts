// How a lane ends: the agent's done lane is pushed and its PR opened (retried with backoff, never by
// running the agent again), acknowledged and cleaned up; a lost lease ends it as cancelled, done or lost.
import type { DrivenLane, LaneOutcome } from "./driven-lane.js";
import { clearCheckIns } from "./lane-check-ins.js";
import { finishLane } from "./lane-finish.js";
import { publishUsage } from "./lane-usage.js";
import { removeLaneWorktree } from "./lane-worktree.js";

const FINISH_RETRY = { attempts: 5, backoffMs: 15_000 };

/** The agent says it is done: its window goes, then the branch is pushed and the PR opened. */
export async function closeLane(d: DrivenLane, summary: string): Promise<LaneOutcome> {
  // Recorded before the window goes: a supervisor that dies from here on is followed by one that
  // resumes the push, instead of finding the agent's window gone and starting the agent again.
  await d.save({ state: "finishing", summary });
  await d.ctx.host.tmux.killWindow(d.lane.paneId).catch(() => undefined);
  return finishDoneLane(d, summary);
}

/** Pushes the lane and opens its PR, then acknowledges the job and removes the worktree. */
export async function finishDoneLane(d: DrivenLane, summary: string): Promise<LaneOutcome> {
  let report: Awaited<ReturnType<typeof finishLane>>;
  try {
    report = await finishLane(d.lane, summary, d.ctx.finish);
  } catch (error) {
    return finishFailed(d, summary, error);
  }
  // kept before the ack: a supervisor that dies after it finds the lane's figures in its record
  await d.save({ commits: report.commits, ...(report.pr ? { pr: report.pr } : {}) });
  await d.ctx.store.ack(d.lane.lease);
  await clearCheckIns(d);
  await publishUsage(d, true);
  await removeLaneWorktree(d.ctx.host.repo, d.lane.worktree);
  d.ctx.log.info({ lane: d.lane.id, ...report }, "lane done");
  await d.save({
    state: "done",
    commits: report.commits,
    note: [summary, ...report.notes].join("; ").slice(0, 1000),
    finishAt: undefined,
    ...(report.pr ? { pr: report.pr } : {}),
  });
  await d.report({ kind: "finished", summary, ...(report.pr ? { pr: report.pr } : {}) });
  return "closed";
}

/**
 * The work is committed on the lane's branch; only the push (or the PR step) failed. It is tried
 * again on later ticks, with backoff, never by running the agent again; when the tries are used up
 * the job waits for a human, who fixes the remote and retries it.
 */
async function finishFailed(d: DrivenLane, summary: string, error: unknown): Promise<LaneOutcome> {
  const reason = `finishing the lane failed: ${error instanceof Error ? error.message : String(error)}`;
  const retry = d.ctx.finishRetry ?? FINISH_RETRY;
  const attempts = (d.lane.finishAttempts ?? 0) + 1;
  if (attempts < retry.attempts) {
    const delayMs = retry.backoffMs * 2 ** (attempts - 1);
    d.ctx.log.warn({ lane: d.lane.id, attempts, delayMs, err: reason }, "lane not finished: trying again");
    await d.save({
      state: "finishing",
      summary,
      finishAttempts: attempts,
      finishAt: d.ctx.now() + delayMs,
      note: `${reason}; trying again in ${Math.ceil(delayMs / 1000)} s (${attempts} of ${retry.attempts} tries; the agent does not run again)`.slice(
        0,
        1000,
      ),
    });
    return "continue";
  }
  const final = `${reason} (${attempts} tries; the work is committed on ${d.lane.branch})`;
  const outcome = await d.ctx.store.fail(d.lane.lease, final, { final: true });
  d.ctx.log.error({ lane: d.lane.id, outcome: outcome.outcome, err: reason }, "lane could not be finished");
  await d.save({
    state: "failed",
    finishAttempts: attempts,
    note: `${final} (${outcome.outcome})`.slice(0, 1000),
  });
  await d.reportFailure(outcome, final);
  return "closed";
}

/**
 * The lease is gone: the job was cancelled (the PRP withdrawn), so the lane's worktree goes too; or it
 * expired and was requeued, and another host may take the lane over.
 */
export async function leaseLost(d: DrivenLane): Promise<LaneOutcome> {
  await d.ctx.host.tmux.killWindow(d.lane.paneId).catch(() => undefined);
  const job = await d.ctx.store.findJob?.(d.lane.lease.jobId).catch(() => null);
  if (job?.state === "cancelled") {
    d.ctx.log.info({ lane: d.lane.id }, "job cancelled: lane stopped and its worktree removed");
    await removeLaneWorktree(d.ctx.host.repo, d.lane.worktree);
    await clearCheckIns(d);
    await d.save({ state: "lost", note: "cancelled: the PRP was withdrawn" });
    return "closed";
  }
  if (job?.state === "done") return finishedBefore(d);
  d.ctx.log.warn({ lane: d.lane.id }, "lease lost: another host may take the lane over");
  await d.save({ state: "lost" });
  await d.report({ kind: "requeued", reason: "the lease was lost" });
  return "closed";
}

/**
 * The queue has the job done: a supervisor acknowledged it (only ever after the push) and died before
 * it recorded the lane done. The record catches up; the lane is not lost, and nothing runs again.
 */
async function finishedBefore(d: DrivenLane): Promise<LaneOutcome> {
  d.ctx.log.info({ lane: d.lane.id }, "lane was done before the supervisor restarted");
  await removeLaneWorktree(d.ctx.host.repo, d.lane.worktree).catch(() => undefined);
  const summary = d.lane.summary ?? "";
  await d.save({ state: "done", finishAt: undefined, note: summary || undefined });
  await d.report({ kind: "finished", summary, ...(d.lane.pr ? { pr: d.lane.pr } : {}) });
  return "closed";
}
