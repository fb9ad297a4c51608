// What every store operation shares: the connection, the keyspace, time, policies, and the script runner.
import type { Redis } from "ioredis";
import type { Logger } from "../observe/logger.js";
import type { Clock } from "./clock.js";
import { withRetry } from "./with-retry.js";
import { stateKeys, type StateKeys } from "./keys.js";
import { defineScripts, type ScriptArg, type ScriptName } from "./lua/define-scripts.js";
import type { RetryPolicy } from "./retry-policy.js";

export interface StoreSettings {
  redis: Redis;
  prefix: string;
  log: Logger;
  clock: Clock;
  retry: RetryPolicy;
  leaseMs: number;
  auditMaxLen: number;
  /** How long a done or cancelled job stays readable (`lanes queue show`). */
  finishedTtlSec: number;
  /** Delays between retries of a step whose connection failed. */
  reconnectDelaysMs?: readonly number[];
}

export interface StoreCore extends Omit<StoreSettings, "reconnectDelaysMs"> {
  keys: StateKeys;
  /** The server, for messages (no password). */
  url: string;
  /** Runs a Lua script with the common arguments; `now` is read once, so a retried call repeats the same step. */
  script(name: ScriptName, args: readonly ScriptArg[]): Promise<unknown>;
  /** Runs plain commands, retrying transient failures and mapping errors to typed ones. */
  call<T>(what: string, step: () => Promise<T>): Promise<T>;
}

export function makeStoreCore(settings: StoreSettings): StoreCore {
  const { redis, prefix, log } = settings;
  const keys = stateKeys(prefix);
  const url = `redis://${redis.options.host ?? "127.0.0.1"}:${redis.options.port ?? 6379}`;
  const runScript = defineScripts(redis);
  const call = <T>(what: string, step: () => Promise<T>): Promise<T> =>
    withRetry(step, {
      url,
      what,
      delaysMs: settings.reconnectDelaysMs,
      onRetry: (error, attempt) =>
        log.warn({ what, attempt, err: String(error) }, "redis step failed, retrying"),
    });
  return {
    ...settings,
    keys,
    url,
    call,
    script(name, args) {
      const head = [keys.route, prefix, settings.clock.now(), settings.auditMaxLen];
      return call(name, () => runScript(name, [...head, ...args]));
    },
  };
}
