// A restarted supervisor takes up what the last one left on this host: lanes it drove, claims it died
// opening, jobs leased to it but never written down. Never opens a lane whose lease another host holds.
import type { LaneJob } from "./job-port.js";
import { dropClaim, pendingClaims } from "./lane-claims.js";
import { LaneDriver } from "./lane-driver.js";
import type { LaneOpening } from "./lane-opening.js";
import { listLanes, loadLane, type LaneRecord } from "./lane-record.js";

/** Lanes this host was running before a restart: keep driving them with their recorded lease. */
export async function adoptLanes(o: LaneOpening): Promise<void> {
  for (const lane of await listLanes(o.options.host.paths.lanes)) {
    if (!["starting", "working", "idle", "paused", "waiting", "finishing"].includes(lane.state)) continue;
    const payload = lane.model ? { prp: { model: lane.model } } : {};
    const job: LaneJob = {
      id: lane.id,
      issue: lane.issue,
      role: lane.role,
      title: lane.title,
      kind: "build",
      payload,
      attempts: 0,
      maxAttempts: 1,
    };
    o.drivers.set(lane.id, new LaneDriver(o.driverDeps(), lane, job));
    // Renewed before the first reap, which would otherwise requeue a lease that lapsed while no
    // supervisor ran and cost the lane its agent; a lease already taken fails here and on the tick.
    await o.options.store.heartbeat(lane.lease).catch(() => null);
  }
}

/**
 * Lanes the last supervisor claimed and died opening (no lane record yet): opened now with the same
 * lease while it is still theirs, the way a claim would have opened them (`open`, in the supervisor's order).
 */
export async function reopenClaims(
  o: LaneOpening,
  open: (job: LaneJob, lease: LaneRecord["lease"]) => Promise<void>,
): Promise<void> {
  const { paths } = o.options.host;
  for (const { job, lease } of await pendingClaims(paths)) {
    if (o.drivers.has(job.id)) {
      await dropClaim(paths, job.id);
      continue;
    }
    const renewed = await o.options.store.heartbeat(lease).catch(() => undefined);
    // Redis unreachable: the claim stays for the next start, and the reaper requeues the job meanwhile
    if (renewed === undefined) continue;
    if (renewed === null) {
      await dropClaim(paths, job.id);
      continue;
    }
    o.log.warn({ job: job.id }, "opening a lane the last supervisor died opening");
    await open(job, lease);
  }
}

/**
 * Jobs the queue leased to this stack with neither a lane record nor a kept claim: the last supervisor
 * died between the queue's answer and writing the claim down (chaos seed 1011), and the job would sit
 * leased to nobody until its lease ran out (a minute). Opened now with the same lease.
 */
export async function reopenUnrecordedClaims(
  o: LaneOpening,
  agentId: string,
  open: (job: LaneJob, lease: LaneRecord["lease"]) => Promise<void>,
): Promise<void> {
  const held = await o.options.store.claimsHeldBy?.(o.options.hostName, agentId).catch((error: unknown) => {
    // Redis unreachable: the reaper requeues such a job once its lease runs out
    o.log.warn({ err: String(error) }, "could not read this stack's leases");
    return [];
  });
  for (const { job, lease } of held ?? []) {
    // a lane recorded with this lease is driven (adoptLanes) or finished: never opened twice
    if (o.drivers.has(job.id)) continue;
    const recorded = await loadLane(o.options.host.paths.lane(job.id));
    if (recorded?.lease.token === lease.token) continue;
    const renewed = await o.options.store.heartbeat(lease).catch(() => null);
    if (renewed === null) continue;
    o.log.warn({ job: job.id }, "opening a lane the last supervisor claimed but never wrote down");
    await open(job, lease);
  }
}
