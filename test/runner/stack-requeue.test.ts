import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { needsHumanNote, requeueNeedsHuman } from "../../src/runner/stack-requeue.js";
import { openStateStore } from "../../src/state/index.js";
import { useRedis } from "../support/redis.js";

describe("requeueNeedsHuman (stack up / resume --requeue)", () => {
  const redis = useRedis();

  it("names the jobs that wait for a human, and runs them again only with --requeue", async () => {
    const store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
    await store.enqueue({
      id: "backlog-1",
      repo: "local/x",
      issue: 1,
      role: "developer",
      title: "One",
      payload: {},
    });
    const claim = await store.claim({ role: "developer", host: "h", agent: "a", waitMs: 1_000 });
    if (!claim) throw new Error("no claim");
    await store.fail(claim.lease, "push rejected", { final: true });
    const record = { redisUrl: redis.url, prefix: redis.prefix };

    const listed = await requeueNeedsHuman(record, false, silentLogger());
    expect(listed).toEqual({ requeued: [], waiting: ["backlog-1"] });
    expect(needsHumanNote(listed)).toEqual([
      "1 job(s) wait for a human: backlog-1; --requeue runs them again",
    ]);
    expect((await store.getJob("backlog-1")).state).toBe("needs-human");

    const requeued = await requeueNeedsHuman(record, true, silentLogger());
    expect(needsHumanNote(requeued)).toEqual(["requeued 1 job(s) that waited for a human: backlog-1"]);
    expect((await store.getJob("backlog-1")).state).toBe("queued");
    await store.quit();
  });
});
