import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { connectRedis, resolveRedisUrl, safeRedisUrl } from "../../src/state/connect-redis.js";
import { RedisUnavailableError } from "../../src/state/errors.js";
import { openStateStore } from "../../src/state/open-state-store.js";
import { freePort } from "../support/free-port.js";
import { useRedis } from "../support/redis.js";
import { startRedisServer } from "../support/redis-server.js";
import { job, useStores } from "./helpers.js";

describe("state store: connections", () => {
  const redis = useRedis();
  const stores = useStores(redis);

  it("surfaces a lost server as RedisUnavailableError naming the URL, then recovers when it is back", async () => {
    const server = await startRedisServer({ appendonly: true });
    try {
      const store = await stores.open({ reconnectDelaysMs: [20, 20] }, server.url);
      await store.enqueue(job({ id: "j" }));
      await server.stop();
      const failure = await store.stats().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RedisUnavailableError);
      expect((failure as Error).message).toContain(`cannot reach Redis at ${server.url}`);
      await server.start();
      expect((await store.stats()).queued).toBe(1);
    } finally {
      await server.destroy();
    }
  });

  it("fails fast with one clear error when nothing listens at the URL", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(connectRedis(url, { log: silentLogger() })).rejects.toThrow(
      /cannot reach Redis at .*ECONNREFUSED.*REDIS_URL/,
    );
    await expect(openStateStore({ url, repo: "octo/app", log: silentLogger() })).rejects.toThrow(
      RedisUnavailableError,
    );
  });

  it("picks --redis over REDIS_URL over the default, and hides passwords in messages", () => {
    expect(resolveRedisUrl("redis://a:1", { REDIS_URL: "redis://b:2" })).toBe("redis://a:1");
    expect(resolveRedisUrl(undefined, { REDIS_URL: "redis://b:2" })).toBe("redis://b:2");
    expect(resolveRedisUrl(undefined, {})).toBe("redis://127.0.0.1:6379");
    expect(() => resolveRedisUrl("http://x", {})).toThrow(/not a Redis URL/);
    expect(safeRedisUrl("redis://user:hunter2@host:6379")).toBe("redis://user:***@host:6379");
  });

  it("opens the repository's keyspace under its Cluster hash tag", async () => {
    const store = await openStateStore({ url: redis.url, repo: "octo/app-x1", log: silentLogger() });
    try {
      expect(store.prefix).toBe("lanes:{octo/app-x1}:");
      await store.enqueue(job({ id: "tagged" }));
      expect(await redis.client.exists("lanes:{octo/app-x1}:job:tagged")).toBe(1);
    } finally {
      await store.cancel("tagged");
      const keys = await redis.client.keys("lanes:{octo/app-x1}:*");
      if (keys.length > 0) await redis.client.del(...keys);
      await store.quit();
    }
  });
});
