// The App's Prometheus metrics: deliveries by event and outcome, handler latency, and — read from Redis when
// scraped — queue depth per role, leases, retries waiting, how long the oldest queued job has waited, and
// the tokens and cost of the agents' lanes per role.
// GitHub requests by operation are counted by the port on the same registry.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { StateStore } from "../../state/index.js";

export type DeliveryOutcome = "handled" | "ignored" | "duplicate" | "failed";
type WatchedStore = Pick<StateStore, "stats" | "listJobs"> & Partial<Pick<StateStore, "laneUsage">>;

export interface AppMetrics {
  registry: Registry;
  delivery(event: string, outcome: DeliveryOutcome, seconds?: number): void;
  /** A repository whose queues the gauges report, read on each scrape. */
  watch(repo: string, store: WatchedStore): void;
  /** The repositories watched so far. */
  repos(): string[];
}

export function createAppMetrics(options: { now?: () => number } = {}): AppMetrics {
  const now = options.now ?? Date.now;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lanes_app_" });
  const stores = new Map<string, WatchedStore>();
  const deliveries = new Counter({
    name: "lanes_webhook_deliveries_total",
    help: "Webhook deliveries received, by event and outcome (handled, ignored, duplicate, failed)",
    labelNames: ["event", "outcome"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "lanes_webhook_handler_seconds",
    help: "Time to handle a webhook delivery Lanes acts on",
    labelNames: ["event"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // every gauge below is read from Redis once per scrape: the first to be collected starts the read
  let reading: Promise<void> | undefined;
  const refresh = () => (reading ??= readStores().finally(() => (reading = undefined)));
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry], collect: refresh });
  const depth = gauge("lanes_queue_depth", "Queued jobs per repository and role", ["repo", "role"]);
  const leases = gauge("lanes_leases", "Jobs claimed by a supervisor (leases held)", ["repo"]);
  const retries = gauge("lanes_retries_waiting", "Jobs waiting out a retry backoff", ["repo"]);
  const needsHuman = gauge("lanes_needs_human", "Jobs parked for a person", ["repo"]);
  const dispatchWait = gauge(
    "lanes_dispatch_wait_seconds",
    "How long the oldest queued job of a role has waited for a supervisor to claim it",
    ["repo", "role"],
  );

  const tokens = gauge(
    "lanes_agent_tokens",
    "Tokens the agents' lanes spent, from their transcripts, by repository, role and kind (input, output, cache_read, cache_write)",
    ["repo", "role", "kind"],
  );
  const cost = gauge("lanes_agent_cost_usd", "What the agents' lanes cost (USD, lanes.yml prices)", [
    "repo",
    "role",
  ]);

  async function readUsage(repo: string, store: WatchedStore): Promise<void> {
    if (!store.laneUsage) return;
    const roles = new Map<
      string,
      { input: number; output: number; cache_read: number; cache_write: number; cost: number }
    >();
    for (const entry of (await store.laneUsage()).values()) {
      const sum = roles.get(entry.role) ?? { input: 0, output: 0, cache_read: 0, cache_write: 0, cost: 0 };
      sum.input += entry.input;
      sum.output += entry.output;
      sum.cache_read += entry.cacheRead;
      sum.cache_write += entry.cacheWrite;
      sum.cost += entry.costUsd;
      roles.set(entry.role, sum);
    }
    for (const [role, { cost: usd, ...kinds }] of roles) {
      for (const [kind, n] of Object.entries(kinds)) tokens.set({ repo, role, kind }, n);
      cost.set({ repo, role }, usd);
    }
  }

  async function readStores(): Promise<void> {
    for (const g of [depth, leases, retries, needsHuman, dispatchWait, tokens, cost]) g.reset();
    for (const [repo, store] of stores) {
      const stats = await store.stats();
      for (const [role, n] of Object.entries(stats.depth)) depth.set({ repo, role }, n ?? 0);
      leases.set({ repo }, stats.inFlight);
      retries.set({ repo }, stats.delayed);
      needsHuman.set({ repo }, stats.needsHuman);
      const oldest = new Map<string, number>();
      for (const job of await store.listJobs({ state: "queued", limit: 500 }))
        oldest.set(job.role, Math.min(oldest.get(job.role) ?? Infinity, job.createdAt));
      for (const [role, at] of oldest) dispatchWait.set({ repo, role }, Math.max(0, (now() - at) / 1000));
      await readUsage(repo, store);
    }
  }

  return {
    registry,
    delivery(event, outcome, seconds) {
      deliveries.inc({ event, outcome });
      if (seconds !== undefined) latency.observe({ event }, seconds);
    },
    watch(repo, store) {
      stores.set(repo, store);
    },
    repos: () => [...stores.keys()],
  };
}
