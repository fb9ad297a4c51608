// Opens the one kind of Redis connection Lanes uses: reconnecting with backoff, failing fast and clearly at start.
import { Redis } from "ioredis";
import { InvalidInputError, errorMessage } from "../errors.js";
import type { Logger } from "../observe/logger.js";
import { isRedisUrl, REDIS_URL_FORM } from "../text/redis-url.js";
import { RedisUnavailableError } from "./errors.js";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** The URL to show in messages and logs: the password, if any, is replaced. */
export function safeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

/** `--redis` wins, then REDIS_URL, then the local default. */
export function resolveRedisUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = flag ?? env.REDIS_URL ?? DEFAULT_REDIS_URL;
  if (!isRedisUrl(url))
    throw new InvalidInputError(`"${safeRedisUrl(url)}" is not a Redis URL; expected ${REDIS_URL_FORM}`);
  return url;
}

export interface ConnectRedisOptions {
  log: Logger;
  connectTimeoutMs?: number;
  /** ioredis retries a command through this many reconnects before failing it (then the store's own retry applies). */
  maxRetriesPerRequest?: number;
}

/** Connects and waits for READY; an unreachable server becomes one RedisUnavailableError, not a retry loop. */
export async function connectRedis(url: string, options: ConnectRedisOptions): Promise<Redis> {
  const shown = safeRedisUrl(url);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? 3,
    retryStrategy: (times) => Math.min(100 * 2 ** (times - 1), 2_000),
  });
  // before the first READY the caller gets one RedisUnavailableError; later losses are worth a warning
  let wasReady = false;
  let lastError: Error | undefined;
  redis.once("ready", () => (wasReady = true));
  redis.on("error", (error: Error) => {
    lastError = error;
    const level = wasReady ? "warn" : "debug";
    options.log[level]({ url: shown, err: errorMessage(error) }, "redis connection error");
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    // ioredis rejects with "Connection is closed."; the socket error before it says why (ECONNREFUSED …)
    throw new RedisUnavailableError(shown, errorMessage(lastError ?? error), { cause: lastError ?? error });
  }
  return redis;
}
