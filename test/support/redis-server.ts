// A real redis-server on a free loopback port in its own temp dir (src/state/local-redis.ts), removed on
// destroy. Used once per run by the global setup, and directly by tests that restart or kill Redis.
import { startLocalRedis, type LocalRedis } from "../../src/state/local-redis.js";
import { makeTempDir } from "./tmp.js";

export interface RedisServer extends LocalRedis {
  /** Stops the server and removes its data dir. */
  destroy(): Promise<void>;
}

export interface RedisServerOptions {
  appendonly?: boolean;
  port?: number;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const tmp = await makeTempDir("lanes-redis");
  try {
    const server = await startLocalRedis({ dir: tmp.path, ...options });
    return {
      ...server,
      async destroy() {
        await server.stop();
        await tmp.remove();
      },
    };
  } catch (error) {
    await tmp.remove();
    throw error;
  }
}
