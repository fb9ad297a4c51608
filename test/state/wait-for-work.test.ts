// Blocking claims: wake tokens stay matched to queued jobs, and a dropped blocking connection is never reused.
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { makeQueueOps } from "../../src/state/queue-ops.js";
import { DEFAULT_RETRY_POLICY } from "../../src/state/retry-policy.js";
import { makeStoreCore } from "../../src/state/store-core.js";
import { makeBlockingPool, makeClaim, type BlockingPool } from "../../src/state/wait-for-work.js";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

const worker = { role: "developer" as const, host: "h1", agent: "a1" };

/** A pool whose connections hold their first BLPOP until `open()`; `requested` resolves when one is held. */
function gatedPool(inner: BlockingPool) {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let requested = () => {};
  const held = new Promise<void>((resolve) => (requested = resolve));
  const pool: BlockingPool = {
    ...inner,
    acquire() {
      const connection = inner.acquire();
      const blpop = connection.blpop.bind(connection) as (...args: unknown[]) => Promise<unknown>;
      Object.assign(connection, {
        blpop: async (...args: unknown[]) => {
          requested();
          await gate;
          return blpop(...args);
        },
      });
      return connection;
    },
  };
  return { pool, open, held };
}

describe("state store: waiting for work", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  function claimWith(pool: BlockingPool) {
    const core = makeStoreCore({
      redis: redis.client,
      prefix: redis.prefix,
      log: silentLogger(),
      clock: stores.clock,
      retry: DEFAULT_RETRY_POLICY,
      leaseMs: 60_000,
      auditMaxLen: 1_000,
      finishedTtlSec: 3_600,
    });
    return makeClaim(core, makeQueueOps(core), pool);
  }

  // the waiter's wait (20 s) outlasts the test's limit: it passes only if the waiter is woken, not timed out
  it(
    "wakes a waiter that blocks after a woken claimer took its job, while a second job is queued",
    { timeout: 8_000 },
    async () => {
      const store = await stores.open();
      const inner = makeBlockingPool(redis.client, silentLogger());
      const late = gatedPool(inner);
      // B found the queue empty and is about to block (its BLPOP held back)
      const waiting = claimWith(late.pool)({ ...worker, host: "b", waitMs: 20_000 });
      await late.held;
      // A, blocked, is woken by job 1's token; job 2 arrives while nobody is blocked; A then claims
      await store.enqueue(job({ id: "j1" }));
      expect(await redis.client.lpop(`${redis.prefix}wake:developer`)).toBe("1");
      await store.enqueue(job({ id: "j2" }));
      expect((await store.claim({ ...worker, host: "a" }))?.job.id).toBe("j1");
      // B blocks now: job 2's token must still be there
      late.open();
      expect((await waiting)?.job.id).toBe("j2");
      inner.close();
    },
  );

  it("leaves no wake tokens behind once the queue is empty, and never more tokens than jobs", async () => {
    const store = await stores.open();
    for (const id of ["a", "b", "c"]) await store.enqueue(job({ id }));
    await redis.client.rpush(`${redis.prefix}wake:developer`, "1", "1");
    await store.claim(worker);
    expect(await redis.client.llen(`${redis.prefix}wake:developer`)).toBe(2);
    await store.claim(worker);
    await store.claim(worker);
    expect(await redis.client.exists(`${redis.prefix}wake:developer`)).toBe(0);
  });

  it("never hands out a blocking connection again after an abort dropped it", async () => {
    const inner = makeBlockingPool(redis.client, silentLogger());
    let handed = (_: Redis) => {};
    const first = new Promise<Redis>((resolve) => (handed = resolve));
    const pool: BlockingPool = {
      ...inner,
      acquire() {
        const connection = inner.acquire();
        handed(connection);
        return connection;
      },
    };
    const abort = new AbortController();
    const waiting = claimWith(pool)({ ...worker, waitMs: 20_000, signal: abort.signal });
    const blocked = await first;
    // drop it while it is connected (status "ready") and its BLPOP is out
    if (blocked.status !== "ready") await new Promise((resolve) => blocked.once("ready", resolve));
    abort.abort();
    expect(await waiting).toBeNull();
    const next = inner.acquire();
    expect(next).not.toBe(blocked);
    expect(await next.ping()).toBe("PONG");
    inner.close();
  });
});
