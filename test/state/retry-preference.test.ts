import { describe, expect, it } from "vitest";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("state store: alternative agent selection", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("on one host, gives an agent the retry another agent failed before one it failed itself", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "failed-by-a2" }));
    await store.enqueue(job({ id: "failed-by-a1" }));
    await store.fail((await store.claim({ role: "developer", host: "h1", agent: "a2" }))!.lease, "crash");
    await store.fail((await store.claim({ role: "developer", host: "h1", agent: "a1" }))!.lease, "crash");
    stores.clock.advance(5_000);
    expect((await store.claim({ role: "developer", host: "h1", agent: "a2" }))?.job.id).toBe("failed-by-a1");
    expect((await store.claim({ role: "developer", host: "h1", agent: "a2" }))?.job.id).toBe("failed-by-a2");
  });
});
