// Benchmarks of the Redis state store against plain Redis lists in the same process and server:
// claim+ack throughput (1,000 jobs, 10 workers) and enqueue→claim latency with a blocked waiter.
// Prints JSON only. Starts its own redis-server (no AOF, like the test harness default).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { silentLogger } from "../src/observe/logger.js";
import { createStateStore, type StateStore } from "../src/state/create-state-store.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { compare, median, summarize, type BenchResult } from "./stats.js";

const JOBS = 1_000;
const WORKERS = 10;
const ROUNDS = 5;
const LATENCY_SAMPLES = 200;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connect(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  return redis;
}

async function openStores(
  url: string,
  prefix: string,
  count: number,
): Promise<{ stores: StateStore[]; close(): void }> {
  const connections = await Promise.all(Array.from({ length: count }, () => connect(url)));
  const stores = connections.map((redis) => createStateStore({ redis, prefix, log: silentLogger() }));
  return {
    stores,
    close() {
      stores.forEach((s) => s.close());
      connections.forEach((c) => c.disconnect());
    },
  };
}

async function storeThroughputRound(url: string, round: number): Promise<number> {
  const prefix = `bench:{claims-${round}}:`;
  const { stores, close } = await openStores(url, prefix, WORKERS + 1);
  const producer = stores[WORKERS] as StateStore;
  for (let i = 0; i < JOBS; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, k) =>
        producer.enqueue({
          id: `j${i + k}`,
          repo: "bench/repo",
          issue: i + k + 1,
          role: "developer",
          title: "bench",
        }),
      ),
    );
  }
  const start = performance.now();
  await Promise.all(
    stores.slice(0, WORKERS).map(async (store, w) => {
      for (
        let c = await store.claim({ role: "developer", host: `h${w}`, agent: "a" });
        c;
        c = await store.claim({ role: "developer", host: `h${w}`, agent: "a" })
      ) {
        await store.ack(c.lease);
      }
    }),
  );
  const elapsed = performance.now() - start;
  close();
  return elapsed;
}

async function listThroughputRound(url: string, round: number): Promise<number> {
  const key = `bench:{list-${round}}:q`;
  const connections = await Promise.all(Array.from({ length: WORKERS + 1 }, () => connect(url)));
  const producer = connections[WORKERS] as Redis;
  for (let i = 0; i < JOBS; i += 100)
    await producer.lpush(key, ...Array.from({ length: 100 }, (_, k) => `j${i + k}`));
  const start = performance.now();
  await Promise.all(
    connections.slice(0, WORKERS).map(async (redis) => {
      while ((await redis.rpop(key)) !== null);
    }),
  );
  const elapsed = performance.now() - start;
  connections.forEach((c) => c.disconnect());
  return elapsed;
}

async function storeLatency(url: string): Promise<number[]> {
  const { stores, close } = await openStores(url, "bench:{latency}:", 2);
  const [waiter, producer] = stores as [StateStore, StateStore];
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    const claimed = waiter.claim({ role: "developer", host: "h", agent: "a", waitMs: 10_000 });
    await pause(2);
    const start = performance.now();
    await producer.enqueue({
      id: `l${i}`,
      repo: "bench/repo",
      issue: i + 1,
      role: "developer",
      title: "bench",
    });
    const claim = await claimed;
    samples.push(performance.now() - start);
    if (!claim) throw new Error("blocked waiter got no job");
    await waiter.ack(claim.lease);
  }
  close();
  return samples;
}

async function listLatency(url: string): Promise<number[]> {
  const [waiter, producer] = (await Promise.all([connect(url), connect(url)])) as [Redis, Redis];
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    const popped = waiter.brpop("bench:{list-latency}:q", 10);
    await pause(2);
    const start = performance.now();
    await producer.lpush("bench:{list-latency}:q", `l${i}`);
    await popped;
    samples.push(performance.now() - start);
  }
  waiter.disconnect();
  producer.disconnect();
  return samples;
}

export async function run(): Promise<BenchResult[]> {
  const server = await startRedisServer();
  try {
    const store: number[] = [];
    const list: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      store.push(await storeThroughputRound(server.url, round));
      list.push(await listThroughputRound(server.url, round));
    }
    const storeLat = await storeLatency(server.url);
    const listLat = await listLatency(server.url);
    const throughput = compare(
      summarize(`state: claim+ack ${JOBS} jobs x ${WORKERS} workers`, store),
      summarize(`plain RPOP ${JOBS} items x ${WORKERS} workers (no lease, no ack, no audit)`, list),
    );
    return [
      {
        ...throughput,
        claims_per_s: Math.round((JOBS / throughput.median_ms) * 1_000),
        baseline_pops_per_s: Math.round((JOBS / median(list)) * 1_000),
      },
      compare(
        summarize("state: enqueue -> claim latency, blocked waiter", storeLat),
        summarize("plain LPUSH -> BRPOP", listLat),
      ),
    ];
  } finally {
    await server.destroy();
  }
}
