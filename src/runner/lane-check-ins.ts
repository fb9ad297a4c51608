// `/lanes schedule` check-ins of a lane's PRP: pasted into the pane when due, dropped when the lane is over.
// They live in Redis, never on this host, so a lane taken over elsewhere still gets them.
import type { DrivenLane } from "./driven-lane.js";

/**
 * `/lanes schedule` check-ins whose time has come, from Redis (so a lane taken over from a dead host still
 * gets them): each pasted, then removed. A dead pane keeps them for later; a paused lane gets them after
 * it resumes. A Redis failure is logged and tried on the next tick.
 */
export async function pasteDueCheckIns(d: DrivenLane, now: number): Promise<void> {
  if (d.lane.state === "paused") return;
  const key = String(d.lane.issue);
  try {
    for (const checkIn of await d.ctx.store.dueCheckIns(key, now)) {
      if (!(await d.paste(`Lanes check-in: ${checkIn.note}`))) return;
      await d.ctx.store.removeCheckIn(key, checkIn);
      d.ctx.log.info({ lane: d.lane.id, checkIn: checkIn.id }, "check-in pasted");
    }
  } catch (error) {
    d.ctx.log.warn({ lane: d.lane.id, err: String(error) }, "check-ins unreadable; trying again");
  }
}

/** The lane is over (done or cancelled): check-ins still pending for its PRP have no agent to reach. */
export async function clearCheckIns(d: DrivenLane): Promise<void> {
  await d.ctx.store
    .clearCheckIns(String(d.lane.issue))
    .catch((error: unknown) =>
      d.ctx.log.warn({ lane: d.lane.id, err: String(error) }, "could not clear the lane's check-ins"),
    );
}
