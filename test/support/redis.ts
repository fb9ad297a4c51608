// Per-test access to the run's redis-server: a fresh key prefix per test, keys removed afterwards.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, inject } from "vitest";

export interface RedisTestContext {
  url: string;
  /** A prefix no other test uses, e.g. `lanes-test-3f2a…:`. */
  prefix: string;
  /** A client for assertions; closed after the test. */
  client: Redis;
}

export function redisUrl(): string {
  return inject("redisUrl");
}

export function freshPrefix(): string {
  return `lanes-test-${randomUUID().slice(0, 8)}:`;
}

async function deleteByPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== "0");
}

/** Registers hooks that give each test its own prefix and clean its keys up. */
export function useRedis(): RedisTestContext {
  const context = { url: "", prefix: "" } as RedisTestContext;
  beforeEach(async () => {
    context.url = redisUrl();
    context.prefix = freshPrefix();
    context.client = new Redis(context.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await context.client.connect();
  });
  afterEach(async () => {
    await deleteByPrefix(context.client, context.prefix);
    context.client.disconnect();
  });
  return context;
}
