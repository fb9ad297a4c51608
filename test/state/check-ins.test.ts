import { describe, expect, it } from "vitest";
import { useRedis } from "../support/redis.js";
import { useStores } from "./helpers.js";

describe("state store: scheduled check-ins", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("keeps a check-in until it is due, and returns due ones earliest first until they are removed", async () => {
    const store = await stores.open();
    await store.scheduleCheckIn("7", { id: "c2", at: 2_000, note: "second" });
    await store.scheduleCheckIn("7", { id: "c1", at: 1_000, note: "first" });
    await store.scheduleCheckIn("8", { id: "c3", at: 500, note: "another PRP" });
    expect(await store.dueCheckIns("7", 999)).toEqual([]);
    expect(await store.dueCheckIns("7", 2_000)).toEqual([
      { id: "c1", at: 1_000, note: "first" },
      { id: "c2", at: 2_000, note: "second" },
    ]);
    // reading does not take them: only removal does, so a host that dies before pasting loses nothing
    expect((await store.dueCheckIns("7", 2_000)).map((c) => c.id)).toEqual(["c1", "c2"]);
    await store.removeCheckIn("7", { id: "c1", at: 1_000, note: "first" });
    await store.removeCheckIn("7", { id: "c1", at: 1_000, note: "first" });
    expect((await store.listCheckIns("7")).map((c) => c.id)).toEqual(["c2"]);
    expect((await store.listCheckIns("8")).map((c) => c.id)).toEqual(["c3"]);
  });

  it("adds a redelivered schedule command once, and expires a PRP's check-ins two weeks after the last", async () => {
    const store = await stores.open();
    const checkIn = { id: "comment-1-0", at: 5_000, note: "how are the tests?" };
    await store.scheduleCheckIn("9", checkIn);
    await store.scheduleCheckIn("9", checkIn);
    expect(await store.listCheckIns("9")).toEqual([checkIn]);
    const ttlMs = await redis.client.pttl(`${redis.prefix}check-ins:9`);
    expect(ttlMs).toBeGreaterThan(13 * 24 * 3600_000);
    expect(ttlMs).toBeLessThanOrEqual(14 * 24 * 3600_000);
  });

  it("clears a PRP's check-ins when its lane is over", async () => {
    const store = await stores.open();
    await store.scheduleCheckIn("4", { id: "a", at: 1, note: "one" });
    await store.clearCheckIns("4");
    expect(await store.listCheckIns("4")).toEqual([]);
  });
});
