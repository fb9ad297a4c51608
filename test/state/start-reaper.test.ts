import { describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { startReaper } from "../../src/state/start-reaper.js";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("startReaper", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("requeues an expired lease on its own", async () => {
    const store = await stores.open({ leaseMs: 1_000 });
    await store.enqueue(job({ id: "j" }));
    await store.claim({ role: "developer", host: "h", agent: "a" });
    stores.clock.advance(1_000);
    const reaper = startReaper(store, { intervalMs: 10, log: silentLogger() });
    await vi.waitFor(async () => expect((await store.getJob("j")).state).toBe("delayed"));
    await reaper.stop();
  });

  it("stops when told: no pass runs after stop, however much time goes by", async () => {
    // fake timers: "no pass after stop" is checked over 100 intervals, not over a real wait that a slow
    // machine could make too short to notice a pass that should not happen
    vi.useFakeTimers();
    try {
      const reap = vi.fn().mockResolvedValue({ requeued: 0, deadHosts: 0, promoted: 0 });
      const reaper = startReaper({ reap }, { intervalMs: 10, log: silentLogger() });
      await vi.advanceTimersByTimeAsync(35);
      expect(reap).toHaveBeenCalledTimes(3);
      await reaper.stop();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(reap).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
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
