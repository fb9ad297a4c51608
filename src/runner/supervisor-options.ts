// What a supervisor is given: the lane driver's dependencies plus its stack, roles, slot count, lease and
// timings, and the hooks it calls when lanes close or no agent can start. Settings only, no behaviour.
import type { RoleName } from "../domain/role-names.js";
import type { DriverDeps } from "./driven-lane.js";
import type { LaneJob } from "./job-port.js";
import type { LaneRecord } from "./lane-record.js";
import type { LaneWatch } from "./lane-watch.js";

export interface SupervisorOptions extends Omit<DriverDeps, "now"> {
  name: string;
  hostName: string;
  roles: readonly RoleName[];
  /** Lanes this supervisor runs at once. */
  agents: number;
  now?: () => number;
  leaseMs: number;
  /** How long one blocking claim waits before it is renewed (ms). */
  claimWaitMs?: number;
  /** Slow duties (pane scrape for usage limits, commit rule) run on ticks at most this often (ms); default 60 s. */
  scrapeEveryMs?: number;
  /** Longest wait of one read of the lane control channel before new lanes are included (ms); default 1 s. */
  controlWaitMs?: number;
  /** Called after a lane closes (done, blocked, failed, lost); local mode offers newly ready PRPs here. */
  onLaneClosed?: (lane: LaneRecord) => Promise<void>;
  /** Tells the PRP (its issue) why no agent could be started for it; once per job. */
  reportAgentProblem?: (job: LaneJob, message: string) => Promise<void>;
  /** Environment the agent check sees (PATH, HOME, CLAUDE_CONFIG_DIR …); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** Publishes lanes and their pane lines for the dashboard (lane-watch.ts); none when absent. */
  watch?: LaneWatch;
}
