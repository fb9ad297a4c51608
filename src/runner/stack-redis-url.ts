// Where a stack's state lives: the Redis the user gave (`--redis`, REDIS_URL), else the stack's own
// redis-server in its folder, started here and by `stack resume`, stopped by `stack down`.
import { join } from "node:path";
import type { Logger } from "../observe/logger.js";
import { connectRedis, ensureStackRedis, resolveRedisUrl, safeRedisUrl } from "../state/index.js";
import type { StackRecord } from "./stack-record.js";
import type { StackPaths } from "./stack-paths.js";

export function stackRedisDir(paths: StackPaths): string {
  return join(paths.dir, "redis");
}

/** The Redis the user named, or undefined when the stack should run its own. */
export function givenRedisUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return flag === undefined && !env.REDIS_URL ? undefined : resolveRedisUrl(flag, env);
}

/** For the preflight: PING the given Redis once, failing fast instead of retrying. */
export function redisProbe(url: string, log: Logger): { shown: string; ping: () => Promise<void> } {
  return {
    shown: safeRedisUrl(url),
    ping: async () => {
      const redis = await connectRedis(url, { log, connectTimeoutMs: 2_000, maxRetriesPerRequest: 0 });
      try {
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** The port of a stack's own redis-server, from its recorded URL. */
function recordedPort(record: Pick<StackRecord, "redisUrl">): number | undefined {
  const port = Number(new URL(record.redisUrl).port);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Starts the stack's own redis-server (again, on `stack resume`) when the stack manages one. */
export async function ensureManagedRedis(
  record: Pick<StackRecord, "redisUrl" | "redisManaged">,
  paths: StackPaths,
): Promise<void> {
  if (!record.redisManaged) return;
  await ensureStackRedis(stackRedisDir(paths), { port: recordedPort(record) });
}
