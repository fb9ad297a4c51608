import { describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { startReaper } from "../../src/state/start-reaper.js";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("startReaper", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("requeues an expired lease on its own, and stops when told", async () => {
    const store = await stores.open({ leaseMs: 1_000 });
    await store.enqueue(job({ id: "j" }));
    await store.claim({ role: "developer", host: "h", agent: "a" });
    stores.clock.advance(1_000);
    const reaper = startReaper(store, { intervalMs: 10, log: silentLogger() });
    await vi.waitFor(async () => expect((await store.getJob("j")).state).toBe("delayed"));
    await reaper.stop();
    const reap = vi.spyOn(store, "reap");
    await new Promise((r) => setTimeout(r, 50));
    expect(reap).not.toHaveBeenCalled();
  });

  it("keeps running after a failed pass", async () => {
    const reap = vi
      .fn()
      .mockRejectedValueOnce(new Error("connection lost"))
      .mockResolvedValue({ requeued: 0, deadHosts: 0, promoted: 0 });
    const reaper = startReaper({ reap }, { intervalMs: 5, log: silentLogger() });
    await vi.waitFor(() => expect(reap.mock.calls.length).toBeGreaterThanOrEqual(2));
    await reaper.stop();
  });
});
