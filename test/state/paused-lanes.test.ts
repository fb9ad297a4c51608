import { describe, expect, it } from "vitest";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("a running lane paused on a usage limit (issue 17, item 5)", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  const worker = { role: "developer" as const, host: "h1", agent: "a1" };

  it("counts as paused, not in flight, with its resume time on the job, until its heartbeat clears it", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "lane-1" }));
    await store.enqueue(job({ id: "lane-2" }));
    const first = await store.claim(worker);
    const second = await store.claim(worker);
    if (!first || !second) throw new Error("expected two claims");
    expect(await store.stats()).toMatchObject({ inFlight: 2, paused: 0 });

    const until = stores.clock.now() + 3_600_000;
    await store.heartbeat(first.lease, undefined, { pausedUntil: until });
    expect(await store.stats()).toMatchObject({ inFlight: 1, paused: 1 });
    expect(await store.getJob("lane-1")).toMatchObject({ state: "active", pausedUntil: until });

    // a plain heartbeat leaves the mark; a heartbeat saying "not paused" clears it
    await store.heartbeat(first.lease);
    expect((await store.stats()).paused).toBe(1);
    await store.heartbeat(first.lease, undefined, { pausedUntil: null });
    expect(await store.stats()).toMatchObject({ inFlight: 2, paused: 0 });
    expect((await store.getJob("lane-1")).pausedUntil).toBeUndefined();
  });

  it("forgets the pause when the run ends (done, failed or lease expired)", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "lane-3" }));
    const claim = await store.claim(worker);
    if (!claim) throw new Error("expected a claim");
    await store.heartbeat(claim.lease, undefined, { pausedUntil: stores.clock.now() + 60_000 });
    await store.fail(claim.lease, "crashed");
    expect(await store.stats()).toMatchObject({ inFlight: 0, paused: 0, delayed: 1 });
    expect((await store.getJob("lane-3")).pausedUntil).toBeUndefined();
  });
});
