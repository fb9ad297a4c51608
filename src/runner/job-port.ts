// The slice of the state store the supervisor uses, and how a lane's PRP travels in a job's payload.
// The Redis state store satisfies this port; the supervisor never issues Redis commands itself.
import * as z from "zod";
import type { CheckIn, LaneUsageEntry } from "../state/index.js";
import type { RoleName } from "../domain/role-names.js";
import { ScriptSchema } from "./agents/script-steps.js";
import type { ControlPort } from "./control-loop.js";

export interface LaneJob {
  id: string;
  issue: number | string;
  role: string;
  title: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export interface LaneLease {
  jobId: string;
  token: string;
  host: string;
  agent: string;
  leaseUntil: number;
}

export type FailResult =
  { outcome: "retry"; runAt: number } | { outcome: "needs-human" } | { outcome: "stale" };

/** `/lanes schedule` check-ins, kept per PRP in Redis so whichever host holds the lane pastes them. */
export interface CheckInPort {
  scheduleCheckIn(lane: string, checkIn: CheckIn): Promise<void>;
  dueCheckIns(lane: string, now: number): Promise<CheckIn[]>;
  removeCheckIn(lane: string, checkIn: CheckIn): Promise<void>;
  clearCheckIns(lane: string): Promise<void>;
}

export interface JobPort extends Partial<ControlPort>, CheckInPort {
  claim(request: {
    role: RoleName;
    host: string;
    agent: string;
    waitMs?: number;
    signal?: AbortSignal;
    leaseMs?: number;
  }): Promise<{ job: LaneJob; lease: LaneLease } | null>;
  /** `pausedUntil` marks the running job paused until then (null clears it), for queue stats. */
  heartbeat(
    lease: LaneLease,
    leaseMs?: number,
    options?: { pausedUntil?: number | null },
  ): Promise<number | null>;
  ack(lease: LaneLease): Promise<boolean>;
  fail(lease: LaneLease, reason: string, options?: { final?: boolean }): Promise<FailResult>;
  registerHost(registration: { host: string; roles?: readonly string[]; ttlMs: number }): Promise<void>;
  heartbeatHost(host: string, ttlMs: number): Promise<void>;
  reap(): Promise<unknown>;
  /** Jobs this host's agent holds a lease on: a restarted supervisor opens those it has no record of. */
  claimsHeldBy?(host: string, agent: string): Promise<{ job: LaneJob; lease: LaneLease }[]>;
  /** Reads a job back (to learn whether a lost lease means it was cancelled). */
  findJob?(id: string): Promise<{ state: string } | null>;
  /** Keeps the lane's tokens and cost where the App's /metrics reads them. */
  recordLaneUsage?(lane: string, entry: LaneUsageEntry): Promise<void>;
}

/** The PRP fields a lane needs, carried in `job.payload.prp`. */
export const LanePayloadSchema = z.object({
  body: z.string().default(""),
  criteria: z.array(z.string()).default([]),
  paths: z.array(z.string()).default([]),
  validation: z.array(z.string()).default([]),
  model: z.string().optional(),
  script: ScriptSchema.optional(),
  /** Ids (issues or backlog ids) of PRPs this one builds on: their finished lanes are merged in first. */
  dependsOn: z.array(z.string()).default([]),
  /** `/lanes handoff`: the lane continues on this existing branch instead of a new one. */
  branch: z.string().optional(),
  /** `/lanes handoff`: the handoff record (YAML) the previous role left, shown in the brief. */
  handoff: z.string().optional(),
});
export type LanePayload = z.infer<typeof LanePayloadSchema>;

export function lanePayload(job: LaneJob): LanePayload {
  const parsed = LanePayloadSchema.safeParse(job.payload.prp ?? {});
  return parsed.success ? parsed.data : LanePayloadSchema.parse({});
}
