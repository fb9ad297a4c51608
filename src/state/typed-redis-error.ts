// Turns ioredis failures into typed errors: a lost connection (worth retrying) or a failed command.
import { LanesError, errorMessage } from "../errors.js";
import { RedisUnavailableError, StateError } from "./errors.js";

// server replies that mean "not now" rather than "wrong": loading the AOF, a Cluster failover
const TRANSIENT_REPLY = /^(LOADING|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/;

export function isTransient(error: unknown): boolean {
  if (error instanceof RedisUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === "ReplyError") return TRANSIENT_REPLY.test(error.message);
  return !(error instanceof LanesError);
}

/** Maps an error from a Redis call to RedisUnavailableError (connection) or StateError (everything else). */
export function typedRedisError(error: unknown, url: string, what: string): LanesError {
  if (error instanceof LanesError) return error;
  if (isTransient(error))
    return new RedisUnavailableError(url, `${what}: ${errorMessage(error)}`, { cause: error });
  return new StateError(`Redis ${what} at ${url} failed: ${errorMessage(error)}`, {
    cause: error,
    context: { url },
  });
}
