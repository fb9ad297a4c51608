// The state store: Lanes' working memory in Redis for one repository (one key prefix).
// It never holds durable facts only here — GitHub is the record; everything here can be rebuilt.
import type { Redis } from "ioredis";
import type { Logger } from "../observe/logger.js";
import { makeAuditLog } from "./audit-log.js";
import { makeCheckIns } from "./check-ins.js";
import { systemClock, type Clock } from "./clock.js";
import { makeControlOps } from "./control-ops.js";
import { makeBoardFollower } from "./follow-board.js";
import { makeGateRuns } from "./gate-runs.js";
import { makeHostRegistry } from "./host-registry.js";
import { makeIdempotency } from "./idempotency.js";
import { makeIntegrationRuns } from "./integration-runs.js";
import { makeLaneControl } from "./lane-control.js";
import { makeLaneBoard } from "./lane-board.js";
import { makeLaneUsage } from "./lane-usage.js";
import { makePrpRecords } from "./prp-records.js";
import { makeQueueOps } from "./queue-ops.js";
import { makeReadOps } from "./read-ops.js";
import { DEFAULT_RETRY_POLICY, RetryPolicySchema, type RetryPolicy } from "./retry-policy.js";
import { makeStoreCore } from "./store-core.js";
import { makeTimerOps } from "./timer-ops.js";
import { makeBlockingPool, makeClaim } from "./wait-for-work.js";

export interface StateStoreOptions {
  redis: Redis;
  /** Key prefix, normally `repoPrefix("owner/repo")`; tests pass their own. */
  prefix: string;
  log: Logger;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  /** Default lease length for claims (ms). */
  leaseMs?: number;
  /** Approximate cap of the audit stream. */
  auditMaxLen?: number;
  /** How long done and cancelled jobs stay readable (s). */
  finishedTtlSec?: number;
  /** Delays between retries of a step whose connection failed (ms). */
  reconnectDelaysMs?: readonly number[];
}

export function createStateStore(options: StateStoreOptions) {
  const core = makeStoreCore({
    redis: options.redis,
    prefix: options.prefix,
    log: options.log,
    clock: options.clock ?? systemClock,
    retry: RetryPolicySchema.parse({ ...DEFAULT_RETRY_POLICY, ...options.retry }),
    leaseMs: options.leaseMs ?? 60_000,
    auditMaxLen: options.auditMaxLen ?? 10_000,
    finishedTtlSec: options.finishedTtlSec ?? 7 * 24 * 3600,
    reconnectDelaysMs: options.reconnectDelaysMs,
  });
  const queue = makeQueueOps(core);
  const pool = makeBlockingPool(options.redis, options.log);
  return {
    prefix: core.prefix,
    retryPolicy: core.retry,
    enqueue: queue.enqueue,
    claim: makeClaim(core, queue, pool),
    heartbeat: queue.heartbeat,
    ack: queue.ack,
    fail: queue.fail,
    ...makeReadOps(core),
    ...makeControlOps(core),
    ...makeHostRegistry(core),
    ...makeAuditLog(core),
    ...makeIdempotency(core),
    ...makePrpRecords(core),
    ...makeTimerOps(core),
    ...makeLaneControl(core, pool),
    ...makeLaneBoard(core),
    ...makeBoardFollower(core),
    ...makeLaneUsage(core),
    ...makeCheckIns(core),
    ...makeGateRuns(core),
    ...makeIntegrationRuns(core),
    /** Closes the blocking connections this store opened (not the caller's `redis`). */
    close: () => pool.close(),
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
