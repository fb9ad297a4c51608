import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { describe, expect, it, vi } from "vitest";
import { manualClock } from "../../src/state/clock.js";
import type { Lease } from "../../src/state/queue-ops.js";
import type { StateStore } from "../../src/state/create-state-store.js";
import { useRedis } from "../support/redis.js";
import { startRedisServer } from "../support/redis-server.js";
import { job, useStores } from "./helpers.js";

interface Tally {
  claims: Map<string, number>;
  acked: Set<string>;
  overlaps: string[];
}

/** A claimer loop: claims (blocking), checks nobody else runs the job now, acks; stops when all are acked. */
async function work(
  store: StateStore,
  host: string,
  total: number,
  tally: Tally,
  running: Set<string>,
): Promise<void> {
  while (tally.acked.size < total) {
    let claim;
    try {
      claim = await store.claim({ role: "developer", host, agent: host, waitMs: 200 });
    } catch {
      continue;
    }
    if (!claim) continue;
    const id = claim.job.id;
    if (running.has(id)) tally.overlaps.push(id);
    running.add(id);
    tally.claims.set(id, (tally.claims.get(id) ?? 0) + 1);
    await new Promise((r) => setImmediate(r));
    running.delete(id);
    let acked = false;
    for (let i = 0; i < 20 && !acked; i += 1) acked = await store.ack(claim.lease).catch(() => false);
    if (acked) tally.acked.add(id);
  }
}

function newTally(): Tally {
  return { claims: new Map(), acked: new Set(), overlaps: [] };
}

describe("state store: exactly once under concurrency and failure", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("processes 1,000 jobs with 20 concurrent claimers, each job exactly once", async () => {
    const total = 1_000;
    const tally = newTally();
    const running = new Set<string>();
    const claimers = await Promise.all(Array.from({ length: 20 }, () => stores.open()));
    const producer = await stores.open();
    const workers = claimers.map((store, i) => work(store, `host-${i}`, total, tally, running));
    for (let start = 0; start < total; start += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          producer.enqueue(job({ id: `job-${start + i}`, priority: i % 3 ? "medium" : "high" })),
        ),
      );
    }
    await Promise.all(workers);
    expect(tally.acked.size).toBe(total);
    expect([...tally.claims.values()].every((n) => n === 1)).toBe(true);
    expect(tally.claims.size).toBe(total);
    expect(tally.overlaps).toEqual([]);
    expect(await producer.stats()).toMatchObject({ queued: 0, inFlight: 0, delayed: 0, needsHuman: 0 });
  });

  it("re-dispatches the job of a worker killed with kill -9, and never lets two run it at once", async () => {
    const store = await stores.open({ clock: manualClock(Date.now()) });
    await store.enqueue(job({ id: "crash-me" }));
    // node itself with tsx's loader (not the tsx wrapper, which would survive as the parent of the real worker)
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/fixtures/state/claim-worker.ts", redis.url, redis.prefix, "doomed"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    const lease = JSON.parse(firstLine) as Lease;
    expect(lease.jobId).toBe("crash-me");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;

    // the dead worker's lease still holds: nobody else may run the job yet
    expect(await store.claim({ role: "developer", host: "rescuer", agent: "a" })).toBeNull();
    expect(await store.reap()).toMatchObject({ requeued: 0 });
    // its host stops heartbeating; past the host TTL the reaper requeues the job with the first backoff
    const clock = manualClock(Date.now() + 30_001);
    const later = await stores.open({ clock });
    expect(await later.reap()).toMatchObject({ requeued: 1, deadHosts: 1 });
    expect(await later.claim({ role: "developer", host: "rescuer", agent: "a" })).toBeNull();
    clock.advance(5_000);
    const rescue = await later.claim({ role: "developer", host: "rescuer", agent: "a" });
    expect(rescue?.job).toMatchObject({ id: "crash-me", attempts: 2, lastHost: "doomed" });
    expect(await later.ack(lease)).toBe(false);
    expect(await later.ack(rescue!.lease)).toBe(true);
  });

  it("loses nothing when Redis with AOF is killed and restarted", async () => {
    const server = await startRedisServer({ appendonly: true });
    try {
      const store = await stores.open({}, server.url);
      for (let i = 0; i < 30; i += 1)
        await store.enqueue(job({ id: `j${i}`, priority: i % 2 ? "low" : "high" }));
      await store.enqueue(job({ id: "later" }), { delayMs: 60_000 });
      const claims = [];
      for (let i = 0; i < 6; i += 1)
        claims.push((await store.claim({ role: "developer", host: "h", agent: "a" }))!);
      await store.ack(claims[0]!.lease);
      await store.fail(claims[1]!.lease, "boom");
      await store.firstDelivery("delivery-1");
      await store.transition("issue#1", null, "queued");
      const before = {
        jobs: await store.listJobs(),
        stats: await store.stats(),
        audit: await store.readAudit(),
      };

      await server.kill();
      await server.start();

      expect(await store.listJobs()).toEqual(before.jobs);
      expect(await store.stats()).toEqual(before.stats);
      expect(await store.readAudit()).toEqual(before.audit);
      expect(await store.firstDelivery("delivery-1")).toBe(false);
      expect(await store.readIssueState("issue#1")).toBe("queued");
      expect(await store.ack(claims[2]!.lease)).toBe(true);
      expect(await store.heartbeat(claims[3]!.lease)).not.toBeNull();
    } finally {
      await server.destroy();
    }
  });

  it("neither loses nor duplicates a job when connections drop in the middle of claims", async () => {
    const server = await startRedisServer();
    const admin = new Redis(server.url);
    try {
      const total = 300;
      const settings = { leaseMs: 3_000, retry: { backoffMs: [20], maxAttempts: 20 } };
      const producer = await stores.open(settings, server.url);
      for (let i = 0; i < total; i += 1) await producer.enqueue(job({ id: `j${i}` }));
      const tally = newTally();
      const running = new Set<string>();
      const claimers = await Promise.all(Array.from({ length: 5 }, () => stores.open(settings, server.url)));
      let done = false;
      const chaos = (async () => {
        while (!done) {
          await new Promise((r) => setTimeout(r, 15));
          await admin.client("KILL", "TYPE", "normal").catch(() => undefined);
          await producer.reap().catch(() => undefined);
        }
      })();
      await Promise.all(claimers.map((store, i) => work(store, `h${i}`, total, tally, running)));
      done = true;
      await chaos;
      expect(tally.acked.size).toBe(total);
      expect(tally.overlaps).toEqual([]);
      expect([...tally.claims.values()].every((n) => n === 1)).toBe(true);
      expect(await producer.stats()).toMatchObject({ queued: 0, inFlight: 0, delayed: 0 });
    } finally {
      admin.disconnect();
      await server.destroy();
    }
  });
});

describe("state store: exactly once across Redis restarts", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("neither loses nor duplicates a job when the AOF server is killed and restarted under load", async () => {
    const server = await startRedisServer({ appendonly: true });
    try {
      const total = 200;
      const settings = { leaseMs: 10_000, retry: { backoffMs: [20], maxAttempts: 20 } };
      const producer = await stores.open(settings, server.url);
      for (let i = 0; i < total; i += 1) await producer.enqueue(job({ id: `j${i}` }));
      const tally = newTally();
      const running = new Set<string>();
      const claimers = await Promise.all(Array.from({ length: 4 }, () => stores.open(settings, server.url)));
      const workers = Promise.all(claimers.map((store, i) => work(store, `h${i}`, total, tally, running)));
      const ackedAtKill: number[] = [];
      for (let restart = 0; restart < 3; restart += 1) {
        // kill once the workers have acked more since the last kill: mid-run by what happened, not by a guess of time
        const target = (restart + 1) * 20;
        await vi.waitFor(() => expect(tally.acked.size).toBeGreaterThanOrEqual(target), {
          timeout: 30_000,
          interval: 2,
        });
        ackedAtKill.push(tally.acked.size);
        await server.kill();
        await server.start();
      }
      await workers;
      // the kills really landed mid-run
      expect(ackedAtKill[0]).toBeLessThan(total);
      expect(tally.acked.size).toBe(total);
      expect(tally.overlaps).toEqual([]);
      expect([...tally.claims.values()].every((n) => n === 1)).toBe(true);
      expect(await producer.stats()).toMatchObject({ queued: 0, inFlight: 0, delayed: 0, needsHuman: 0 });
    } finally {
      await server.destroy();
    }
  });
});
