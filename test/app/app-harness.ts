// A Probot instance running the Lanes app against a real Redis, with GitHub faked by nock at API. The
// webhook examples all name one repository (Codertocat/Hello-World), so each test file gets a redis-server
// of its own: files that vitest runs side by side never flush each other's keys.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createLanesApp, type LanesApp } from "../../src/app/create-lanes-app.js";
import { createAppMetrics, type AppMetrics } from "../../src/app/serve/app-metrics.js";
import { createGitHubPort, type GitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import type { StateStore } from "../../src/state/index.js";
import { startLocalRedis, type LocalRedis } from "../../src/state/local-redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { testPrivateKey } from "./test-key.js";

export const API = "https://api.github.test";
export const repo = { owner: "Codertocat", repo: "Hello-World" };

export interface AppHarness {
  probot: Probot;
  app: LanesApp;
  metrics: AppMetrics;
  port: GitHubPort;
  store: StateStore;
  redis: Redis;
  /** Delivers an event; returns the delivery id. */
  send(name: string, payload: Record<string, unknown>, id?: string): Promise<string>;
}

export function useAppHarness(): AppHarness {
  const h = {} as AppHarness;
  let server: LocalRedis;
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir("lanes-app-redis");
    server = await startLocalRedis({ dir: dir.path });
  });
  afterAll(async () => {
    await server?.stop();
    await dir?.remove();
  });
  beforeEach(async () => {
    h.redis = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await h.redis.connect();
    // each test a clean server: the repository's keys, the delivery ids and the App's indexes
    await h.redis.flushall();
    h.port = createGitHubPort({
      auth: { type: "token", token: "ghs_test" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    h.metrics = createAppMetrics();
    h.app = createLanesApp({
      redis: h.redis,
      log: silentLogger(),
      portFor: () => h.port,
      metrics: h.metrics,
    });
    h.store = h.app.storeFor(repo);
    h.probot = new Probot({
      appId: 1,
      privateKey: testPrivateKey(),
      secret: "test",
      log: silentLogger() as never,
      Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
    });
    await h.probot.load(h.app.appFn);
    h.send = async (name, payload, id = randomUUID()) => {
      await h.probot.receive({ id, name, payload } as never);
      return id;
    };
  });
  afterEach(async () => {
    nock.cleanAll();
    h.app.close();
    h.redis.disconnect();
  });
  return h;
}
