// Blocking claim: try, and when the role's queue is empty, block on its wake list (BLPOP) — never poll.
// Blocked connections come from a small pool of duplicates, so a blocked waiter never stalls other commands.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Claim, ClaimRequest, makeQueueOps } from "./queue-ops.js";
import type { StoreContext } from "./store-context.js";

export interface WaitingClaimRequest extends ClaimRequest {
  /** How long to block for work (real time, ms); 0 or absent means try once. */
  waitMs?: number;
  /** Aborting wakes a blocked waiter at once; the claim then returns null. */
  signal?: AbortSignal;
}

export interface BlockingPool {
  acquire(): Redis;
  release(connection: Redis): void;
  close(): void;
}

export function makeBlockingPool(redis: Redis): BlockingPool {
  const idle: Redis[] = [];
  const all = new Set<Redis>();
  return {
    acquire() {
      const connection = idle.pop() ?? redis.duplicate();
      all.add(connection);
      return connection;
    },
    release(connection) {
      if (connection.status === "end") all.delete(connection);
      else idle.push(connection);
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

export function makeClaim(ctx: StoreContext, ops: ReturnType<typeof makeQueueOps>, pool: BlockingPool) {
  async function block(role: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
    const connection = pool.acquire();
    const abort = () => connection.disconnect();
    signal?.addEventListener("abort", abort, { once: true });
    try {
      await connection.blpop(ctx.keys.wake(role), (Math.max(ms, 10) / 1_000).toFixed(3));
    } catch (error) {
      if (!signal?.aborted) {
        ctx.log.warn({ role, err: String(error) }, "blocking wait for work failed");
        await new Promise((resolve) => setTimeout(resolve, BLOCK_ERROR_PAUSE_MS));
      }
    } finally {
      signal?.removeEventListener("abort", abort);
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
      const untilDue = attempt.nextDueAt === undefined ? remaining : attempt.nextDueAt - ctx.clock.now();
      await block(request.role, Math.min(remaining, Math.max(untilDue, 10)), request.signal);
    }
  };
}
