// Errors of the Redis working memory: each says what failed, against which server, and what to do.
import { LanesError, type LanesErrorOptions } from "../errors.js";

/** A Redis command failed for a reason other than the connection (a script error, a bad reply). */
export class StateError extends LanesError {
  override name = "StateError";
}

/** Redis could not be reached, or the connection was lost and reconnecting did not help. */
export class RedisUnavailableError extends StateError {
  override name = "RedisUnavailableError";
  constructor(
    readonly url: string,
    reason: string,
    options: LanesErrorOptions = {},
  ) {
    super(
      `cannot reach Redis at ${url} (${reason}); start redis-server there, or point REDIS_URL / --redis at a running Redis`,
      { ...options, context: { ...options.context, url } },
    );
  }
}

/** A job id that the store does not know (never enqueued, or finished and expired). */
export class JobNotFoundError extends StateError {
  override name = "JobNotFoundError";
  constructor(readonly jobId: string) {
    super(
      `no job "${jobId}" in the queue (it was never added, or finished and expired); run \`lanes queue list\``,
      {
        context: { jobId },
      },
    );
  }
}

/** A job read back from Redis does not match the schema: someone wrote the key by hand, or versions differ. */
export class CorruptJobError extends StateError {
  override name = "CorruptJobError";
  constructor(jobId: string, problem: string) {
    super(`job "${jobId}" in Redis is not a valid Lanes job: ${problem}`, { context: { jobId } });
  }
}
