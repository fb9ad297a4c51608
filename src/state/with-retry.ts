// Retries the idempotent Redis steps through a lost connection, with backoff; never retries a failed command.
import { isTransient, typedRedisError } from "./typed-redis-error.js";

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
