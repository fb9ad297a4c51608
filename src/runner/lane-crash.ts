// What happens when a lane's agent dies: its pane's last lines say why; a cause restarting can fix
// restarts the agent in place, up to the restart limit. Never starts a second agent for one lane.
import type { DrivenLane, LaneOutcome } from "./driven-lane.js";
import { diagnose } from "./failure-cause.js";
import { lanePayload } from "./job-port.js";
import { agentArgv, laneLaunch, paneEnvFor } from "./lane-setup.js";

/**
 * The agent's pane is dead: its last lines say why. A cause restarting cannot fix (no login, no network)
 * ends the lane at once with the cause on the job, the PRP and the status; others restart as before.
 */
export async function agentDied(d: DrivenLane, status: string | undefined): Promise<LaneOutcome> {
  const text = await d.ctx.host.tmux.capture(d.lane.paneId, 200).catch(() => "");
  const found = diagnose(text, status ?? "?");
  const reason = `${found.summary} [${found.cause}]`;
  d.ctx.log.error(
    { lane: d.lane.id, cause: found.cause, exit: status, lastLines: found.lastLines },
    `agent died: ${found.summary}`,
  );
  await d.save({ cause: found.cause, lastLines: found.lastLines });
  if (found.retryable) return restartAgent(d, reason);
  const detail = found.lastLines
    ? `${reason}\n\nlast lines of the agent's pane:\n${found.lastLines}`
    : reason;
  const outcome = await d.ctx.store.fail(d.lane.lease, `${detail}`, { final: true });
  await d.ctx.host.tmux.killWindow(d.lane.paneId).catch(() => undefined);
  await d.save({
    state: "failed",
    note: `${reason}; not restarted: restarting cannot fix this (${outcome.outcome})`,
  });
  await d.report({
    kind: "gave-up",
    reason: `${reason}; not restarted: restarting cannot fix this`,
    cause: found.cause,
    lastLines: found.lastLines,
  });
  return "closed";
}

/** A crashed agent restarts in place with the same context, continuing its session when known. */
export async function restartAgent(d: DrivenLane, reason: string): Promise<LaneOutcome> {
  if (d.lane.restarts >= d.ctx.maxRestarts) {
    const lines = d.lane.lastLines ? `\n\nlast lines of the agent's pane:\n${d.lane.lastLines}` : "";
    const outcome = await d.ctx.store.fail(
      d.lane.lease,
      `${reason}; restarted ${d.lane.restarts} times${lines}`,
    );
    await d.ctx.host.tmux.killWindow(d.lane.paneId).catch(() => undefined);
    await d.save({ state: "failed", note: `${reason} (${outcome.outcome})` });
    await d.reportFailure(outcome, reason);
    return "closed";
  }
  d.ctx.log.warn({ lane: d.lane.id, reason }, "agent crashed: restarting with the same context");
  const command = agentArgv(
    d.ctx.host.agent.command(laneLaunch(d.lane, lanePayload(d.job).model ?? d.lane.model)),
  );
  const spec = { cwd: d.lane.worktree, command, env: paneEnvFor(d.ctx.host, d.lane.id) };
  let paneId = d.lane.paneId;
  try {
    await d.ctx.host.tmux.respawnPane(paneId, spec);
  } catch {
    paneId = await d.ctx.host.tmux.newWindow({
      session: d.ctx.host.session,
      window: d.lane.window,
      ...spec,
    });
  }
  await d.save({
    paneId,
    restarts: d.lane.restarts + 1,
    briefed: false,
    state: "starting",
    startedAt: d.ctx.now(),
    note: reason,
  });
  return "continue";
}
