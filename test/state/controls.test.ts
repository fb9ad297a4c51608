import { describe, expect, it } from "vitest";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("state store: delayed jobs, pause, cancel, priority", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  const worker = { role: "developer" as const, host: "h1", agent: "a1" };

  it("holds a delayed job until it is due, then dispatches it", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "checkin", kind: "checkin" }), { delayMs: 120_000 });
    expect(await store.getJob("checkin")).toMatchObject({
      state: "delayed",
      runAt: stores.clock.now() + 120_000,
    });
    expect(await store.claim(worker)).toBeNull();
    stores.clock.advance(120_000);
    expect((await store.claim(worker))?.job.id).toBe("checkin");
  });

  it("parks a job in needs-human at enqueue, with the reason, until a person retries it", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "stuck", kind: "resolve" }), {
      needsHuman: "still conflicts after 2 resolve attempts",
    });
    expect(await store.getJob("stuck")).toMatchObject({
      state: "needs-human",
      lastError: "still conflicts after 2 resolve attempts",
    });
    expect(await store.claim(worker)).toBeNull();
    expect((await store.stats()).needsHuman).toBe(1);
    expect(await store.retryNow("stuck")).toBe(true);
    expect((await store.claim(worker))?.job.id).toBe("stuck");
  });

  it("promotes due jobs on reap, so stats show them queued", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "a" }), { runAt: stores.clock.now() + 10 });
    stores.clock.advance(10);
    expect(await store.reap()).toMatchObject({ promoted: 1 });
    expect(await store.stats()).toMatchObject({ depth: { developer: 1 }, queued: 1, delayed: 0 });
  });

  it("pauses and resumes one job", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "p" }));
    expect(await store.pauseJob("p")).toBe(true);
    expect(await store.pauseJob("p")).toBe(false);
    expect(await store.claim(worker)).toBeNull();
    expect((await store.stats()).paused).toBe(1);
    expect(await store.resumeJob("p")).toBe(true);
    expect((await store.claim(worker))?.job.id).toBe("p");
  });

  it("pausing a running job ends its lease: the holder's heartbeat and ack fail", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "p" }));
    const claim = await store.claim(worker);
    expect(await store.pauseJob("p")).toBe(true);
    expect(await store.heartbeat(claim!.lease)).toBeNull();
    expect(await store.ack(claim!.lease)).toBe(false);
    expect((await store.stats()).inFlight).toBe(0);
  });

  it("pauses a whole role without touching other roles", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "d" }));
    await store.enqueue(job({ id: "t", role: "tester" }));
    await store.pauseRole("developer");
    expect(await store.claim(worker)).toBeNull();
    expect((await store.claim({ ...worker, role: "tester" }))?.job.id).toBe("t");
    expect((await store.stats()).pausedRoles).toEqual(["developer"]);
    await store.resumeRole("developer");
    expect((await store.claim(worker))?.job.id).toBe("d");
  });

  it("cancels queued and running jobs, and refuses to cancel twice", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "q" }));
    await store.enqueue(job({ id: "r" }));
    const running = await store.claim(worker);
    expect(running?.job.id).toBe("q");
    expect(await store.cancel("q")).toBe(true);
    expect(await store.cancel("r")).toBe(true);
    expect(await store.cancel("r")).toBe(false);
    expect(await store.heartbeat(running!.lease)).toBeNull();
    expect(await store.claim(worker)).toBeNull();
    expect(await store.getJob("r")).toMatchObject({ state: "cancelled" });
    expect(await store.stats()).toMatchObject({ queued: 0, inFlight: 0 });
  });

  it("moves a queued job up when its priority changes, keeping FIFO among equals", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "a", priority: "high" }));
    await store.enqueue(job({ id: "b", priority: "low" }));
    await store.enqueue(job({ id: "c", priority: "high" }));
    expect(await store.setPriority("b", "high")).toBe(true);
    const order = [];
    for (let c = await store.claim(worker); c; c = await store.claim(worker)) order.push(c.job.id);
    expect(order).toEqual(["a", "b", "c"]);
    expect((await store.getJob("b")).priority).toBe("high");
  });

  it("runs a needs-human job again with fresh attempts on retry", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "j", maxAttempts: 1 }));
    await store.fail((await store.claim(worker))!.lease, "broken");
    expect(await store.retryNow("j")).toBe(true);
    expect(await store.retryNow("j")).toBe(false);
    expect(await store.claim(worker)).toMatchObject({ job: { id: "j", attempts: 1, lastError: "broken" } });
  });

  it("lists open jobs by state and role", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "a" }));
    await store.enqueue(job({ id: "b", role: "tester" }));
    await store.enqueue(job({ id: "c" }), { delayMs: 1_000 });
    expect((await store.listJobs()).map((j) => j.id)).toEqual(["a", "b", "c"]);
    expect((await store.listJobs({ state: "delayed" })).map((j) => j.id)).toEqual(["c"]);
    expect((await store.listJobs({ role: "tester" })).map((j) => j.id)).toEqual(["b"]);
    expect((await store.listJobs({ limit: 1 })).map((j) => j.id)).toEqual(["a"]);
  });
});

describe("state store: blocking claim", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  const worker = { role: "developer" as const, host: "h1", agent: "a1" };

  it("wakes a blocked claimer when work arrives, from another connection", async () => {
    const waiter = await stores.open();
    const producer = await stores.open();
    const claimed = waiter.claim({ ...worker, waitMs: 20_000 });
    await stores.untilBlocked(waiter);
    await producer.enqueue(job({ id: "late" }));
    expect((await claimed)?.job.id).toBe("late");
  });

  it("wakes waiters when their paused role resumes", async () => {
    const waiter = await stores.open();
    const admin = await stores.open();
    await admin.pauseRole("developer");
    await admin.enqueue(job({ id: "held" }));
    const claimed = waiter.claim({ ...worker, waitMs: 20_000 });
    await stores.untilBlocked(waiter);
    await admin.resumeRole("developer");
    expect((await claimed)?.job.id).toBe("held");
  });

  it("returns null when the wait ends without work, and at once when aborted while blocked", async () => {
    const store = await stores.open();
    expect(await store.claim({ ...worker, waitMs: 50 })).toBeNull();
    const controller = new AbortController();
    const claimed = store.claim({ ...worker, waitMs: 60_000, signal: controller.signal });
    await stores.untilBlocked(store);
    const abortedAt = Date.now();
    controller.abort();
    expect(await claimed).toBeNull();
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
  });

  it("returns at once when aborted before its first try has answered, without blocking first", async () => {
    const store = await stores.open();
    const controller = new AbortController();
    const claimed = store.claim({ ...worker, waitMs: 60_000, signal: controller.signal });
    // the claim is now awaiting its first (non-blocking) try: the abort lands before any BLPOP starts
    controller.abort();
    const abortedAt = Date.now();
    expect(await claimed).toBeNull();
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
  });
});

describe("state store: de-dupe, transitions, audit", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("accepts a webhook delivery id once", async () => {
    const store = await stores.open();
    expect(await store.firstDelivery("d-1")).toBe(true);
    expect(await store.firstDelivery("d-1")).toBe(false);
    expect(await store.firstDelivery("d-2")).toBe(true);
    expect(await redis.client.ttl(`${redis.prefix}delivery:d-1`)).toBeGreaterThan(0);
  });

  it("applies a transition only from the expected state", async () => {
    const store = await stores.open();
    expect(await store.transition("issue#12", null, "queued")).toBe(true);
    expect(await store.transition("issue#12", null, "queued")).toBe(false);
    expect(await store.transition("issue#12", "blocked", "queued")).toBe(false);
    expect(await store.transition("issue#12", "queued", "active", "host-1")).toBe(true);
    expect(await store.readIssueState("issue#12")).toBe("active");
    expect(await store.transition("issue#12", "active", null)).toBe(true);
    expect(await store.readIssueState("issue#12")).toBeNull();
  });

  it("lets exactly one of many concurrent transitions win", async () => {
    const a = await stores.open();
    const b = await stores.open();
    await a.transition("issue#3", null, "queued");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).transition("issue#3", "queued", "active", `host-${i}`),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("records commands, transitions and job steps in the audit stream, readable since a time", async () => {
    const store = await stores.open();
    await store.appendAudit({ type: "command", actor: "octocat", job: "j", data: "/lanes retry" });
    await store.transition("issue#1", null, "queued", "app");
    await store.enqueue({ id: "j", repo: "octo/app", issue: 1, role: "developer", title: "t" });
    const entries = await store.readAudit();
    expect(entries.map((e) => e.type)).toEqual(["command", "transition", "enqueued"]);
    expect(entries[0]).toMatchObject({ actor: "octocat", data: "/lanes retry", at: stores.clock.now() });
    expect(entries[1]).toMatchObject({ actor: "app", data: "issue#1 (none) -> queued" });
    const future = Number(entries[2]!.id.split("-")[0]) + 1;
    expect(await store.readAudit({ since: future })).toEqual([]);
  });

  it("caps the audit stream near its limit", async () => {
    const store = await stores.open({ auditMaxLen: 100 });
    for (let i = 0; i < 400; i += 1) await store.appendAudit({ type: "message", data: String(i) });
    expect(await redis.client.xlen(`${redis.prefix}audit`)).toBeLessThan(400);
  });
});
