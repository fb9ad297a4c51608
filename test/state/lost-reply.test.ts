// A step whose first run applied but whose reply was lost is re-sent; the re-send must report the step applied.
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { makeControlOps } from "../../src/state/control-ops.js";
import { makeIdempotency } from "../../src/state/idempotency.js";
import { DEFAULT_RETRY_POLICY } from "../../src/state/retry-policy.js";
import { makeStoreCore, type StoreCore } from "../../src/state/store-core.js";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

/** A context whose every step runs twice and answers with the second reply: the first reply was "lost". */
function replyLost(redis: ReturnType<typeof useRedis>, clock: StoreCore["clock"]): StoreCore {
  const core = makeStoreCore({
    redis: redis.client,
    prefix: redis.prefix,
    log: silentLogger(),
    clock,
    retry: DEFAULT_RETRY_POLICY,
    leaseMs: 60_000,
    auditMaxLen: 1_000,
    finishedTtlSec: 3_600,
  });
  return {
    ...core,
    call: async (what, step) => {
      await core.call(what, step);
      return core.call(what, step);
    },
    script: async (name, args) => {
      await core.script(name, args);
      return core.script(name, args);
    },
  };
}

describe("state store: re-sent steps after a lost reply", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("treats a delivery as first when only the reply of its first SET was lost", async () => {
    const lossy = makeIdempotency(replyLost(redis, stores.clock));
    expect(await lossy.firstDelivery("d-1")).toBe(true);
    expect(await lossy.firstDelivery("d-1")).toBe(false);
  });

  it("reports an applied transition as applied when re-sent, and still refuses the wrong state", async () => {
    const lossy = makeIdempotency(replyLost(redis, stores.clock));
    expect(await lossy.transition("issue#7", null, "queued")).toBe(true);
    expect(await lossy.transition("issue#7", "queued", "active")).toBe(true);
    expect(await lossy.transition("issue#7", "queued", "active")).toBe(false);
    expect(await lossy.readIssueState("issue#7")).toBe("active");
  });

  it("reports applied cancel, pause, resume, retry and priority as applied when re-sent", async () => {
    const store = await stores.open();
    const lossy = makeControlOps(replyLost(redis, stores.clock));
    await store.enqueue(job({ id: "c" }));
    expect(await lossy.cancel("c")).toBe(true);
    expect(await store.getJob("c")).toMatchObject({ state: "cancelled" });
    expect(await lossy.cancel("c")).toBe(false);

    await store.enqueue(job({ id: "p" }));
    expect(await lossy.pauseJob("p")).toBe(true);
    expect(await lossy.resumeJob("p")).toBe(true);
    expect(await lossy.setPriority("p", "high")).toBe(true);
    expect(await store.getJob("p")).toMatchObject({ state: "queued", priority: "high" });

    await store.enqueue(job({ id: "n" }), { needsHuman: "needs a look" });
    expect(await lossy.retryNow("n")).toBe(true);
    expect(await lossy.retryNow("n")).toBe(false);
    expect(await store.getJob("n")).toMatchObject({ state: "queued" });
  });
});
