import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors.js";
import { CorruptJobError, JobNotFoundError } from "../../src/state/errors.js";
import { useRedis } from "../support/redis.js";
import { job, useStores } from "./helpers.js";

describe("state store: queue and claim", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  const worker = { role: "developer" as const, host: "h1", agent: "a1" };

  it("claims by priority first, then in the order jobs were added", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "low", priority: "low" }));
    await store.enqueue(job({ id: "med-1" }));
    await store.enqueue(job({ id: "crit", priority: "critical" }));
    await store.enqueue(job({ id: "med-2" }));
    const order: string[] = [];
    for (let c = await store.claim(worker); c; c = await store.claim(worker)) order.push(c.job.id);
    expect(order).toEqual(["crit", "med-1", "med-2", "low"]);
  });

  it("only queues a role's jobs for that role", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "t", role: "tester" }));
    expect(await store.claim(worker)).toBeNull();
    expect((await store.claim({ ...worker, role: "tester" }))?.job.id).toBe("t");
  });

  it("treats a second enqueue of the same id as a no-op", async () => {
    const store = await stores.open();
    expect(await store.enqueue(job({ id: "same" }))).toEqual({ id: "same", created: true });
    expect(await store.enqueue(job({ id: "same", title: "other" }))).toEqual({ id: "same", created: false });
    expect((await store.getJob("same")).title).toBe("Add rate limiting");
  });

  it("returns the job as written, validated, with attempts and lease", async () => {
    const store = await stores.open();
    await store.enqueue(
      job({ id: "j", issue: "backlog-7", kind: "checkin", payload: { note: "hi", n: [1, 2] } }),
    );
    const claim = await store.claim(worker);
    expect(claim?.job).toMatchObject({
      id: "j",
      repo: "octo/app",
      issue: "backlog-7",
      role: "developer",
      priority: "medium",
      kind: "checkin",
      payload: { note: "hi", n: [1, 2] },
      state: "active",
      attempts: 1,
      maxAttempts: 4,
      leaseHost: "h1",
      leaseAgent: "a1",
    });
    expect(claim?.lease.leaseUntil).toBe(stores.clock.now() + 60_000);
  });

  it("rejects an invalid job and names the field", async () => {
    const store = await stores.open();
    await expect(store.enqueue(job({ role: "wizard" as never }))).rejects.toThrow(InvalidInputError);
    await expect(store.enqueue(job({ title: "" }))).rejects.toThrow(/title/);
  });

  it("refuses a job hash someone corrupted by hand, naming the job", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "bad" }));
    await redis.client.hset(`${redis.prefix}job:bad`, "role", "wizard");
    await expect(store.getJob("bad")).rejects.toThrow(CorruptJobError);
    await expect(store.getJob("bad")).rejects.toThrow(/job "bad".*role/);
  });

  it("says which job it does not know", async () => {
    const store = await stores.open();
    await expect(store.getJob("ghost")).rejects.toThrow(JobNotFoundError);
    await expect(store.cancel("ghost")).rejects.toThrow(/no job "ghost"/);
  });
});

describe("state store: leases, ack, fail and retries", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  const worker = { role: "developer" as const, host: "h1", agent: "a1" };

  it("renews a lease on heartbeat and completes the job on ack", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "j" }));
    const claim = await store.claim(worker);
    if (!claim) throw new Error("expected a claim");
    stores.clock.advance(50_000);
    expect(await store.heartbeat(claim.lease)).toBe(stores.clock.now() + 60_000);
    stores.clock.advance(50_000);
    expect(await store.reap()).toMatchObject({ requeued: 0 });
    expect(await store.ack(claim.lease)).toBe(true);
    expect(await store.ack(claim.lease)).toBe(true);
    expect(await store.getJob("j")).toMatchObject({ state: "done" });
    expect(await store.listJobs()).toEqual([]);
  });

  it("lists the leases one agent of a host holds, with the token that proves each", async () => {
    const store = await stores.open();
    for (const id of ["mine-1", "mine-2", "other-agent", "done"]) await store.enqueue(job({ id }));
    const mine1 = await store.claim(worker);
    const mine2 = await store.claim(worker);
    await store.claim({ ...worker, agent: "a2" });
    const finished = await store.claim(worker);
    await store.ack(finished!.lease);

    const held = await store.claimsHeldBy("h1", "a1");
    expect(held.map((c) => c.lease).sort((a, b) => a.jobId.localeCompare(b.jobId))).toEqual([
      mine1!.lease,
      mine2!.lease,
    ]);
    expect(held.find((c) => c.job.id === "mine-1")?.job).toMatchObject({ state: "active", attempts: 1 });
    expect(await store.claimsHeldBy("h2", "a1")).toEqual([]);
  });

  it("retries a failed job after 5 s, 15 s and 30 s, and parks the 4th failure in needs-human", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "j" }));
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claim = await store.claim(worker);
      expect(claim?.job.attempts).toBe(attempt);
      const outcome = await store.fail(claim!.lease, "tests failed");
      if (outcome.outcome !== "retry") throw new Error(`expected a retry, got ${outcome.outcome}`);
      delays.push(outcome.runAt - stores.clock.now());
      stores.clock.advance(delays[delays.length - 1]! - 1);
      expect(await store.claim(worker)).toBeNull();
      stores.clock.advance(1);
    }
    expect(delays).toEqual([5_000, 15_000, 30_000]);
    const last = await store.claim(worker);
    expect(await store.fail(last!.lease, "tests failed")).toEqual({ outcome: "needs-human" });
    expect(await store.getJob("j")).toMatchObject({
      state: "needs-human",
      attempts: 4,
      lastError: "tests failed",
    });
    expect((await store.stats()).needsHuman).toBe(1);
  });

  it("re-dispatches a job whose lease expired, with the same backoff, then needs-human", async () => {
    const store = await stores.open({ leaseMs: 1_000 });
    await store.enqueue(job({ id: "j" }));
    for (const delay of [5_000, 15_000, 30_000]) {
      const claim = await store.claim(worker);
      expect(claim).not.toBeNull();
      stores.clock.advance(999);
      expect((await store.reap()).requeued).toBe(0);
      stores.clock.advance(1);
      expect((await store.reap()).requeued).toBe(1);
      expect(await store.heartbeat(claim!.lease)).toBeNull();
      expect(await store.ack(claim!.lease)).toBe(false);
      expect(await store.getJob("j")).toMatchObject({ state: "delayed", runAt: stores.clock.now() + delay });
      stores.clock.advance(delay);
    }
    await store.claim(worker);
    stores.clock.advance(1_000);
    await store.reap();
    expect(await store.getJob("j")).toMatchObject({ state: "needs-human", lastError: "lease expired" });
  });

  it("reports a fail from a lost lease as stale and changes nothing", async () => {
    const store = await stores.open({ leaseMs: 1_000 });
    await store.enqueue(job({ id: "j" }));
    const first = await store.claim(worker);
    stores.clock.advance(1_000);
    await store.reap();
    stores.clock.advance(5_000);
    const second = await store.claim({ ...worker, host: "h2" });
    expect(await store.fail(first!.lease, "late")).toEqual({ outcome: "stale" });
    expect(await store.getJob("j")).toMatchObject({ state: "active", leaseHost: "h2", attempts: 2 });
    expect(await store.ack(second!.lease)).toBe(true);
  });

  it("sends a failed job to needs-human at once when the failure is final", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "j" }));
    const claim = await store.claim(worker);
    expect(await store.fail(claim!.lease, "invalid PRP", { final: true })).toEqual({
      outcome: "needs-human",
    });
  });

  it("follows a configured retry policy", async () => {
    const store = await stores.open({ retry: { backoffMs: [1_000], maxAttempts: 2 } });
    await store.enqueue(job({ id: "j" }));
    const first = await store.claim(worker);
    expect(await store.fail(first!.lease, "x")).toEqual({
      outcome: "retry",
      runAt: stores.clock.now() + 1_000,
    });
    stores.clock.advance(1_000);
    const second = await store.claim(worker);
    expect(await store.fail(second!.lease, "x")).toEqual({ outcome: "needs-human" });
  });

  it("gives a retried job to another host when one asks, before the host that failed it", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "retried" }));
    const failed = await store.claim(worker);
    await store.fail(failed!.lease, "crashed");
    stores.clock.advance(5_000);
    await store.enqueue(job({ id: "fresh" }));
    expect((await store.claim(worker))?.job.id).toBe("fresh");
    expect((await store.claim(worker))?.job.id).toBe("retried");
  });

  it("gives a retried job first to a host that did not fail it, ahead of newer work", async () => {
    const store = await stores.open();
    await store.enqueue(job({ id: "retried" }));
    await store.fail((await store.claim(worker))!.lease, "crashed");
    stores.clock.advance(5_000);
    await store.enqueue(job({ id: "fresh" }));
    expect((await store.claim({ ...worker, host: "h2" }))?.job.id).toBe("retried");
  });

  it("reaps the leases of a host whose heartbeat stopped", async () => {
    const store = await stores.open({ leaseMs: 600_000 });
    await store.registerHost({ host: "h1", roles: ["developer"], ttlMs: 30_000 });
    await store.registerHost({ host: "h2", ttlMs: 30_000 });
    await store.enqueue(job({ id: "j1" }));
    await store.enqueue(job({ id: "j2" }));
    await store.claim(worker);
    await store.claim({ ...worker, host: "h2", agent: "b1" });
    stores.clock.advance(20_000);
    await store.heartbeatHost("h2", 30_000);
    stores.clock.advance(10_001);
    expect(await store.reap()).toMatchObject({ requeued: 1, deadHosts: 1 });
    expect(await store.getJob("j1")).toMatchObject({
      state: "delayed",
      lastHost: "h1",
      lastError: "host h1 stopped heartbeating",
    });
    expect(await store.getJob("j2")).toMatchObject({ state: "active" });
    expect((await store.listHosts()).map((h) => [h.host, h.alive])).toEqual([["h2", true]]);
    expect((await store.stats()).hostsAlive).toBe(1);
  });
});
