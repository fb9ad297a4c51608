// Benchmarks of the Redis state store against plain Redis lists in the same process and server:
// claim+ack throughput (1,000 jobs, 10 workers) and enqueue→claim latency with a blocked waiter.
// Prints JSON only. Starts its own redis-server (no AOF, like the test harness default).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { silentLogger } from "../src/observe/logger.js";
import { createStateStore, type StateStore } from "../src/state/create-state-store.js";
import { startRedisServer } from "../test/support/redis-server.js";

export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  baseline?: { name: string; median_ms: number; p95_ms?: number };
  ratio?: number;
  [extra: string]: unknown;
}

const JOBS = 1_000;
const WORKERS = 10;
const ROUNDS = 5;
const LATENCY_SAMPLES = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round3 = (n: number) => Math.round(n * 1_000) / 1_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connect(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  return redis;
}

async function openStores(url: string, prefix: string, count: number): Promise<{ stores: StateStore[]; close(): void }> {
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
    await Promise.all(Array.from({ length: 100 }, (_, k) => producer.enqueue({ id: `j${i + k}`, repo: "bench/repo", issue: i + k + 1, role: "developer", title: "bench" })));
  }
  const start = performance.now();
  await Promise.all(
    stores.slice(0, WORKERS).map(async (store, w) => {
      for (let c = await store.claim({ role: "developer", host: `h${w}`, agent: "a" }); c; c = await store.claim({ role: "developer", host: `h${w}`, agent: "a" })) {
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
  for (let i = 0; i < JOBS; i += 100) await producer.lpush(key, ...Array.from({ length: 100 }, (_, k) => `j${i + k}`));
  const start = performance.now();
  await Promise.all(connections.slice(0, WORKERS).map(async (redis) => {
    while ((await redis.rpop(key)) !== null);
  }));
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
    await producer.enqueue({ id: `l${i}`, repo: "bench/repo", issue: i + 1, role: "developer", title: "bench" });
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
    const storeMedian = percentile(store, 50);
    const listMedian = percentile(list, 50);
    const storeLat = await storeLatency(server.url);
    const listLat = await listLatency(server.url);
    return [
      {
        name: `state: claim+ack ${JOBS} jobs x ${WORKERS} workers`,
        n: ROUNDS,
        median_ms: round3(storeMedian),
        p95_ms: round3(percentile(store, 95)),
        claims_per_s: Math.round((JOBS / storeMedian) * 1_000),
        baseline: { name: `plain RPOP ${JOBS} items x ${WORKERS} workers (no lease, no ack)`, median_ms: round3(listMedian) },
        baseline_pops_per_s: Math.round((JOBS / listMedian) * 1_000),
        ratio: round3(storeMedian / listMedian),
      },
      {
        name: "state: enqueue -> claim latency, blocked waiter",
        n: LATENCY_SAMPLES,
        median_ms: round3(percentile(storeLat, 50)),
        p95_ms: round3(percentile(storeLat, 95)),
        baseline: { name: "plain LPUSH -> BRPOP", median_ms: round3(percentile(listLat, 50)), p95_ms: round3(percentile(listLat, 95)) },
        ratio: round3(percentile(storeLat, 50) / percentile(listLat, 50)),
      },
    ];
  } finally {
    await server.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await run(), null, 2));
}
