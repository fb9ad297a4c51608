// Whether the Redis the CLI would use (--redis, else REDIS_URL, else the local default) answers PING.
import type { Logger } from "../../observe/logger.js";
import { connectRedis, resolveRedisUrl, safeRedisUrl } from "../../state/index.js";
import { errorMessage } from "../../errors.js";
import type { DoctorCheck } from "./doctor-check.js";

export async function checkRedis(env: NodeJS.ProcessEnv, log: Logger): Promise<DoctorCheck> {
  const name = "redis";
  let url: string;
  try {
    url = resolveRedisUrl(undefined, env);
  } catch (error) {
    return { name, status: "fail", detail: errorMessage(error) };
  }
  const source = env.REDIS_URL ? "REDIS_URL" : "the default; set REDIS_URL to change it";
  try {
    const redis = await connectRedis(url, { log, connectTimeoutMs: 2_000, maxRetriesPerRequest: 0 });
    try {
      await redis.ping();
    } finally {
      redis.disconnect();
    }
    return { name, status: "ok", detail: `${safeRedisUrl(url)} answers (${source})` };
  } catch (error) {
    return {
      name,
      status: "warn",
      detail: `${safeRedisUrl(url)} (${source}) is not reachable: ${errorMessage(error)}; a stack starts its own redis-server when none is given`,
    };
  }
}
