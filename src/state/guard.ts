// Turns ioredis failures into typed errors, and retries the idempotent steps through a lost connection.
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

export interface RetryOptions {
  url: string;
  what: string;
  /** Delays between attempts; its length is the number of retries. */
  delaysMs?: readonly number[];
  onRetry?: (error: unknown, attempt: number) => void;
}

const DEFAULT_DELAYS = [100, 250, 500, 1_000, 2_000];

/** Runs an idempotent Redis step, retrying transient failures with backoff; throws typed errors. */
export async function withRetry<T>(step: () => Promise<T>, options: RetryOptions): Promise<T> {
  const delays = options.delaysMs ?? DEFAULT_DELAYS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const delay = delays[attempt];
      if (!isTransient(error) || delay === undefined) throw typedRedisError(error, options.url, options.what);
      options.onRetry?.(error, attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
