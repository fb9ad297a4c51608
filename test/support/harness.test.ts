// Proves the test harness that later suites rely on: real redis-server, private tmux, throwaway git repos.
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { makeRepo } from "./git.js";
import { useRedis } from "./redis.js";
import { startRedisServer } from "./redis-server.js";
import { privateTmux } from "./tmux.js";

describe("redis harness", () => {
  const redis = useRedis();

  it("reaches the run's redis-server on a loopback port", async () => {
    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(await redis.client.ping()).toBe("PONG");
  });

  it("gives each test a fresh key prefix", async () => {
    await redis.client.set(`${redis.prefix}k`, "v");
    const keys = await redis.client.keys(`${redis.prefix}*`);
    expect(keys).toEqual([`${redis.prefix}k`]);
  });

  it("keeps data across a restart when AOF is on", async () => {
    const server = await startRedisServer({ appendonly: true });
    try {
      const client = new Redis(server.url, { maxRetriesPerRequest: 1, lazyConnect: true });
      await client.connect();
      await client.set("durable", "yes");
      client.disconnect();
      await server.kill();
      await server.start();
      const again = new Redis(server.url, { maxRetriesPerRequest: 1, lazyConnect: true });
      await again.connect();
      expect(await again.get("durable")).toBe("yes");
      again.disconnect();
    } finally {
      await server.destroy();
    }
  });
});

describe("tmux harness", () => {
  const server = privateTmux();
  afterEach(() => server.kill());

  it("runs a private server that the user's default server never sees", async () => {
    await server.tmux("new-session", "-d", "-s", "probe", "-x", "80", "-y", "24");
    const sessions = await server.tmux("list-sessions", "-F", "#{session_name}");
    expect(sessions.trim()).toBe("probe");
    expect(server.socket).toMatch(/^lanes-test-/);
  });
});

describe("git harness", () => {
  it("makes a throwaway repo with commits and removes it", async () => {
    const repo = await makeRepo();
    const sha = await repo.commit("add readme", { "README.md": "# hi\n" });
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await repo.git("log", "--format=%s")).toBe("add readme");
    await repo.remove();
    expect(existsSync(repo.dir)).toBe(false);
  });
});
