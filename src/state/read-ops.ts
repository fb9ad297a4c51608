// Reading the state: one job, the open jobs, queue statistics; and the reaper that requeues abandoned work.
import type { ChainableCommander } from "ioredis";
import { ROLE_NAMES, type RoleName } from "../domain/role-names.js";
import { JobNotFoundError } from "./errors.js";
import { parseJobHash, type Job, type JobState } from "./job.js";
import type { Claim, Lease } from "./queue-ops.js";
import type { StoreCore } from "./store-core.js";

export interface QueueStats {
  /** Queued jobs per role (only roles with work or paused). */
  depth: Partial<Record<RoleName, number>>;
  queued: number;
  inFlight: number;
  delayed: number;
  /** Paused jobs: by an operator, or running lanes paused until a usage limit resets. */
  paused: number;
  needsHuman: number;
  pausedRoles: RoleName[];
  hostsAlive: number;
}

export interface ListFilter {
  state?: JobState;
  role?: RoleName;
  limit?: number;
}

export interface ReapResult {
  requeued: number;
  deadHosts: number;
  promoted: number;
}

const REAP_LIMIT = 500;

/** Runs a pipeline as one retried step; any failed command fails the step (so it is retried or typed). */
async function execPipeline(
  core: StoreCore,
  what: string,
  build: (pipeline: ChainableCommander) => void,
): Promise<unknown[]> {
  return core.call(what, async () => {
    const pipeline = core.redis.pipeline();
    build(pipeline);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  });
}

export function makeReadOps(core: StoreCore) {
  const { keys } = core;

  async function findJob(id: string): Promise<Job | null> {
    const hash = await core.call("HGETALL", () => core.redis.hgetall(keys.job(id)));
    return Object.keys(hash).length === 0 ? null : parseJobHash(id, hash);
  }

  async function getJob(id: string): Promise<Job> {
    const job = await findJob(id);
    if (!job) throw new JobNotFoundError(id);
    return job;
  }

  /** Open jobs (not done or cancelled), oldest first. */
  async function listJobs(filter: ListFilter = {}): Promise<Job[]> {
    const ids = await core.call("ZRANGE", () => core.redis.zrange(keys.jobs, 0, -1));
    const replies = await execPipeline(core, "HGETALL", (pipeline) => {
      for (const id of ids) pipeline.hgetall(keys.job(id));
    });
    const jobs: Job[] = [];
    replies.forEach((hash, i) => {
      const id = ids[i];
      // finished between ZRANGE and HGETALL: no longer open
      if (id === undefined || Object.keys(hash as object).length === 0) return;
      const job = parseJobHash(id, hash as Record<string, string>);
      if (filter.state && job.state !== filter.state) return;
      if (filter.role && job.role !== filter.role) return;
      jobs.push(job);
    });
    return jobs.slice(0, filter.limit ?? jobs.length);
  }

  async function stats(): Promise<QueueStats> {
    const now = core.clock.now();
    const values = await execPipeline(core, "stats", (pipeline) => {
      for (const role of ROLE_NAMES) pipeline.zcard(keys.queue(role));
      pipeline.zcard(keys.leases).zcard(keys.delayed).zcard(keys.paused).zcard(keys.needsHuman);
      pipeline.smembers(keys.pausedRoles).zcount(keys.hosts, now, "+inf").zcard(keys.leasePaused);
    });
    const depth: Partial<Record<RoleName, number>> = {};
    ROLE_NAMES.forEach((role, i) => {
      const n = Number(values[i]);
      if (n > 0) depth[role] = n;
    });
    const rest = values.slice(ROLE_NAMES.length);
    return {
      depth,
      queued: Object.values(depth).reduce((a, b) => a + b, 0),
      // a running lane paused on a usage limit or budget keeps its lease, but it is paused, not in flight
      inFlight: Number(rest[0]) - Number(rest[6]),
      delayed: Number(rest[1]),
      paused: Number(rest[2]) + Number(rest[6]),
      needsHuman: Number(rest[3]),
      pausedRoles: (rest[4] as RoleName[]).sort(),
      hostsAlive: Number(rest[5]),
    };
  }

  /** Requeues expired leases and dead hosts' jobs (with the retry backoff) and promotes due delayed jobs. */
  async function reap(): Promise<ReapResult> {
    const reply = (await core.script("lanesReap", [core.retry.backoffMs.join(","), REAP_LIMIT])) as number[];
    const result = { requeued: Number(reply[0]), deadHosts: Number(reply[1]), promoted: Number(reply[2]) };
    if (result.requeued + result.deadHosts > 0) core.log.info(result, "reaper requeued abandoned work");
    return result;
  }

  /**
   * The jobs a host's agent (`<host>/<stack>`) holds an active lease on, with their leases: what a restarted
   * supervisor checks against its lane records, since the queue may have handed out a job whose answer its
   * last supervisor never wrote down.
   */
  async function claimsHeldBy(host: string, agent: string): Promise<Claim[]> {
    const ids = await core.call("SMEMBERS", () => core.redis.smembers(keys.hostJobs(host)));
    const hashes = await execPipeline(core, "HGETALL", (pipeline) => {
      for (const id of ids) pipeline.hgetall(keys.job(id));
    });
    return ids.flatMap((id, i) => {
      const hash = hashes[i] as Record<string, string>;
      const { token, leaseAgent, leaseHost, leaseUntil, state } = hash;
      if (state !== "active" || leaseHost !== host || leaseAgent !== agent || !token) return [];
      const lease: Lease = { jobId: id, token, host, agent, leaseUntil: Number(leaseUntil) || 0 };
      return [{ job: parseJobHash(id, hash), lease }];
    });
  }

  return { findJob, getJob, listJobs, stats, reap, claimsHeldBy };
}
