// Blocking claim: try, and when the role's queue is empty, block on its wake list (BLPOP) — never poll.
// Blocked connections come from a small pool of duplicates, so a blocked waiter never stalls other commands.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../observe/logger.js";
import type { Claim, ClaimRequest, makeQueueOps } from "./queue-ops.js";
import type { StoreCore } from "./store-core.js";

export interface WaitingClaimRequest extends ClaimRequest {
  /** How long to block for work (real time, ms); 0 or absent means try once. */
  waitMs?: number;
  /** Aborting wakes a blocked waiter at once; the claim then returns null. */
  signal?: AbortSignal;
}

export interface BlockingPool {
  acquire(): Redis;
  release(connection: Redis): void;
  /** Disconnects a connection and forgets it: a dropped connection never goes back to the idle pool. */
  drop(connection: Redis): void;
  close(): void;
}

export function makeBlockingPool(redis: Redis, log: Logger): BlockingPool {
  const idle: Redis[] = [];
  const all = new Set<Redis>();
  const dropped = new WeakSet<Redis>();
  return {
    acquire() {
      let connection = idle.pop();
      if (!connection) {
        connection = redis.duplicate();
        connection.on("error", (error: Error) =>
          log.debug({ err: error.message }, "blocking connection error"),
        );
      }
      all.add(connection);
      return connection;
    },
    release(connection) {
      // disconnect() leaves the status "ready" until the socket closes, so dropped ones are marked
      if (dropped.has(connection) || connection.status === "end") all.delete(connection);
      else idle.push(connection);
    },
    drop(connection) {
      dropped.add(connection);
      all.delete(connection);
      connection.disconnect();
    },
    close() {
      for (const connection of all) connection.disconnect();
      all.clear();
      idle.length = 0;
    },
  };
}

// after a failed BLPOP (connection lost) wait a little before the next claim attempt surfaces the error
const BLOCK_ERROR_PAUSE_MS = 100;
const BLOCK_GRACE_MS = 1_000;

export function makeClaim(core: StoreCore, ops: ReturnType<typeof makeQueueOps>, pool: BlockingPool) {
  async function block(role: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    // an abort that landed during the try before fires no event any more: without this the wait runs its full time
    if (signal?.aborted) return;
    const connection = pool.acquire();
    let settle = () => {};
    // ioredis can leave a BLPOP caught by a reconnect (or a disconnect) unanswered forever, so the wait
    // ends on abort or on its own timeout plus grace, and then the connection is dropped, not reused
    const cutOff = new Promise<void>((resolve) => (settle = resolve));
    const drop = () => {
      pool.drop(connection);
      settle();
    };
    signal?.addEventListener("abort", drop, { once: true });
    const guard = setTimeout(drop, ms + BLOCK_GRACE_MS);
    try {
      await Promise.race([connection.blpop(core.keys.wake(role), (ms / 1_000).toFixed(3)), cutOff]);
    } catch (error) {
      if (!signal?.aborted) {
        core.log.warn({ role, err: String(error) }, "blocking wait for work failed");
        await new Promise((resolve) => setTimeout(resolve, BLOCK_ERROR_PAUSE_MS));
      }
    } finally {
      clearTimeout(guard);
      signal?.removeEventListener("abort", drop);
      pool.release(connection);
    }
  }

  /** Claims the best job of the role, waiting up to `waitMs` for one; null when none came. */
  return async function claim(request: WaitingClaimRequest): Promise<Claim | null> {
    const token = randomUUID();
    const deadline = Date.now() + (request.waitMs ?? 0);
    for (;;) {
      if (request.signal?.aborted) return null;
      const attempt = await ops.claimOnce(request, token);
      if (attempt.kind === "job") return attempt.claim;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return null;
      // a delayed job falling due wakes nobody, so wake up in time to promote it
      const untilDue = attempt.nextDueAt === undefined ? remaining : attempt.nextDueAt - core.clock.now();
      await block(request.role, Math.max(Math.min(remaining, untilDue), 10), request.signal);
    }
  };
}
