// Enqueue, claim (one attempt), heartbeat, ack and fail: the job lifecycle over the Lua scripts.
import { randomUUID } from "node:crypto";
import { InvalidInputError } from "../errors.js";
import { priorityRank } from "../domain/priority.js";
import type { RoleName } from "../domain/role-names.js";
import { NewJobSchema, pairsToRecord, parseJobHash, type Job, type NewJob } from "./job.js";
import { StateError } from "./errors.js";
import type { StoreCore } from "./store-core.js";

/** Proof of a claim: only the holder of the token may heartbeat, ack or fail the job. */
export interface Lease {
  jobId: string;
  token: string;
  host: string;
  agent: string;
  leaseUntil: number;
}

export interface Claim {
  job: Job;
  lease: Lease;
}

export interface EnqueueOptions {
  /** Run no earlier than this time (ms); a check-in or a usage-limit resume. */
  runAt?: number;
  /** Run no earlier than now + delayMs. */
  delayMs?: number;
  /** Park it in needs-human at once with this reason (work a person must look at before any agent runs it). */
  needsHuman?: string;
}

export interface ClaimRequest {
  role: RoleName;
  host: string;
  agent: string;
  leaseMs?: number;
}

export type ClaimAttempt = { kind: "job"; claim: Claim } | { kind: "none"; nextDueAt: number | undefined };

export type FailOutcome =
  | { outcome: "retry"; runAt: number }
  | { outcome: "needs-human" }
  /** The lease was no longer this token's (expired and reaped, cancelled): nothing changed. */
  | { outcome: "stale" };

// candidates a claim looks at to find one that another host or agent failed
const PREFERENCE_SCAN = 16;
const PROMOTE_LIMIT = 100;

export function parseNewJob(input: NewJob): ReturnType<typeof NewJobSchema.parse> {
  const parsed = NewJobSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(job)"}: ${i.message}`).join("; ");
  throw new InvalidInputError(`cannot enqueue job: ${problems}`);
}

export function makeQueueOps(core: StoreCore) {
  async function enqueue(
    input: NewJob,
    options: EnqueueOptions = {},
  ): Promise<{ id: string; created: boolean }> {
    const job = parseNewJob(input);
    const id = job.id ?? randomUUID();
    const runAt =
      options.runAt ?? (options.delayMs !== undefined ? core.clock.now() + options.delayMs : undefined);
    const fields = [
      "id",
      id,
      "repo",
      job.repo,
      "issue",
      JSON.stringify(job.issue),
      "role",
      job.role,
      "priority",
      job.priority,
      "rank",
      priorityRank(job.priority),
      "title",
      job.title,
      "kind",
      job.kind,
      "payload",
      JSON.stringify(job.payload),
      "maxAttempts",
      job.maxAttempts ?? core.retry.maxAttempts,
      ...(options.needsHuman === undefined ? [] : ["lastError", options.needsHuman.slice(0, 2_000)]),
    ];
    const created = await core.script("lanesEnqueue", [
      id,
      job.role,
      options.needsHuman === undefined ? (runAt ?? "") : "needs-human",
      ...fields,
    ]);
    core.log.debug({ id, role: job.role, created: created === 1 }, "job enqueued");
    return { id, created: created === 1 };
  }

  /** One atomic claim attempt; `token` makes a re-sent attempt return the same job rather than a second one. */
  async function claimOnce(request: ClaimRequest, token: string): Promise<ClaimAttempt> {
    const leaseMs = request.leaseMs ?? core.leaseMs;
    const reply = (await core.script("lanesClaim", [
      request.role,
      request.host,
      request.agent,
      token,
      leaseMs,
      PREFERENCE_SCAN,
      PROMOTE_LIMIT,
    ])) as [string, string[] | string];
    if (reply[0] === "none") {
      const due = reply[1] as string;
      return { kind: "none", nextDueAt: due === "" ? undefined : Number(due) };
    }
    const hash = pairsToRecord(reply[1] as string[]);
    const id = hash.id;
    if (id === undefined) throw new StateError(`claim for role ${request.role} returned a job without an id`);
    const job = parseJobHash(id, hash);
    const lease: Lease = {
      jobId: id,
      token,
      host: request.host,
      agent: request.agent,
      leaseUntil: job.leaseUntil ?? 0,
    };
    core.log.debug({ id, role: request.role, host: request.host, agent: request.agent }, "job claimed");
    return { kind: "job", claim: { job, lease } };
  }

  /** Renews the lease; null means it is lost (expired and reaped, or cancelled): stop working on the job. */
  async function heartbeat(
    lease: Lease,
    leaseMs = core.leaseMs,
    options: { pausedUntil?: number | null } = {},
  ): Promise<number | null> {
    // pausedUntil: a time marks the running job paused until then (queue stats count it as paused), null
    // clears the mark, absent leaves it as it is
    const paused = options.pausedUntil === undefined ? "" : String(options.pausedUntil ?? 0);
    const until = Number(await core.script("lanesHeartbeat", [lease.jobId, lease.token, leaseMs, paused]));
    if (until === 0) return null;
    lease.leaseUntil = until;
    return until;
  }

  /** Marks the job done; false when the lease had already been lost. */
  async function ack(lease: Lease): Promise<boolean> {
    return (await core.script("lanesAck", [lease.jobId, lease.token, core.finishedTtlSec])) === 1;
  }

  /** Records a failed run: retried after the backoff, or parked in needs-human (at once with `final`). */
  async function fail(lease: Lease, reason: string, options: { final?: boolean } = {}): Promise<FailOutcome> {
    const reply = (await core.script("lanesFail", [
      lease.jobId,
      lease.token,
      reason.slice(0, 2_000),
      core.retry.backoffMs.join(","),
      options.final ? "1" : "0",
    ])) as [string, number];
    if (reply[0] === "retry") return { outcome: "retry", runAt: Number(reply[1]) };
    if (reply[0] === "needs-human") return { outcome: "needs-human" };
    return { outcome: "stale" };
  }

  return { enqueue, claimOnce, heartbeat, ack, fail };
}
