// Opens the lane of a job this host claimed: the claim is kept on disk until the lane is recorded, a
// host whose agent cannot start fails the job at once with the reason, and the PRP hears it was claimed.
import type { Logger } from "../observe/logger.js";
import type { DriverDeps } from "./driven-lane.js";
import { AgentUnavailableError } from "./errors.js";
import type { LaneJob } from "./job-port.js";
import { dropClaim, keepClaim } from "./lane-claims.js";
import { LaneDriver } from "./lane-driver.js";
import { loadLane, saveLane, type LaneRecord } from "./lane-record.js";
import { openLane } from "./lane-setup.js";
import type { SupervisorOptions } from "./supervisor-options.js";

/** The supervisor's parts a lane is opened with; `drivers` is its own map, which the opened lane joins. */
export interface LaneOpening {
  options: SupervisorOptions;
  drivers: Map<string, LaneDriver>;
  driverDeps: () => DriverDeps;
  now: () => number;
  log: Logger;
}

export async function openClaimedJob(
  o: LaneOpening,
  job: LaneJob,
  lease: LaneRecord["lease"],
): Promise<void> {
  const { paths } = o.options.host;
  await keepClaim(paths, { job, lease });
  try {
    await openClaimed(o, job, lease);
  } finally {
    // the lane is recorded, or the job went back to the queue: either way the claim is settled
    await dropClaim(paths, job.id);
  }
}

async function openClaimed(o: LaneOpening, job: LaneJob, lease: LaneRecord["lease"]): Promise<void> {
  const previous = await loadLane(o.options.host.paths.lane(job.id));
  try {
    // A missing or logged-out agent fails the job at once, with the reason on the PRP, instead of a pane that hangs.
    await o.options.host.agent.check(o.options.env ?? process.env);
  } catch (error) {
    const message =
      error instanceof AgentUnavailableError ? error.message : `the agent check failed: ${String(error)}`;
    o.log.error({ job: job.id, err: message }, "no agent can start on this host");
    const outcome = await o.options.store.fail(lease, message);
    if (job.attempts <= 1 || outcome.outcome === "needs-human") {
      await o.options
        .reportAgentProblem?.(
          job,
          outcome.outcome === "needs-human"
            ? `${message}\n\nAttempts are exhausted: the job waits for a human (\`lanes queue retry ${job.id}\`).`
            : message,
        )
        .catch((reportError: unknown) =>
          o.log.warn(
            { job: job.id, err: String(reportError) },
            "could not report the agent problem on the PRP",
          ),
        );
    }
    return;
  }
  try {
    const lane = await openLane(o.options.host, job, lease, o.now(), previous);
    await saveLane(o.options.host.paths.lane(lane.id), lane);
    const driver = new LaneDriver(o.driverDeps(), lane, job);
    o.drivers.set(lane.id, driver);
    await o.options.watch?.seen(lane);
    o.log.info({ lane: lane.id, role: job.role, branch: lane.branch }, "lane opened");
    await driver.report({
      kind: "claimed",
      branch: lane.branch,
      attempts: job.attempts,
      host: o.options.hostName,
    });
  } catch (error) {
    o.log.error({ job: job.id, err: String(error) }, "could not open the lane");
    await o.options.store.fail(lease, `could not open the lane: ${String(error)}`);
  }
}
