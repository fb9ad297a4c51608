// Builds stores on the test's own prefix, with a fake clock, and closes them after the test.
import { Redis } from "ioredis";
import { afterEach } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { manualClock, type ManualClock } from "../../src/state/clock.js";
import {
  createStateStore,
  type StateStore,
  type StateStoreOptions,
} from "../../src/state/create-state-store.js";
import type { NewJob } from "../../src/state/job.js";
import type { RedisTestContext } from "../support/redis.js";

export interface StoreFactory {
  clock: ManualClock;
  /** A store on its own connection (like a separate process would have). */
  open(overrides?: Partial<StateStoreOptions>, url?: string): Promise<StateStore>;
}

export function useStores(redis: RedisTestContext): StoreFactory {
  const opened: { store: StateStore; connection: Redis }[] = [];
  const factory: StoreFactory = {
    clock: manualClock(),
    async open(overrides = {}, url = redis.url) {
      const connection = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 3,
        retryStrategy: (times) => Math.min(20 * times, 200),
      });
      // reconnects are expected in the failure tests; the store reports what matters
      connection.on("error", () => undefined);
      await connection.connect();
      const store = createStateStore({
        redis: connection,
        prefix: redis.prefix,
        log: silentLogger(),
        clock: factory.clock,
        ...overrides,
      });
      opened.push({ store, connection });
      return store;
    },
  };
  afterEach(() => {
    for (const { store, connection } of opened.splice(0)) {
      store.close();
      connection.disconnect();
    }
    factory.clock = manualClock();
  });
  return factory;
}

export function job(overrides: Partial<NewJob> = {}): NewJob {
  return { repo: "octo/app", issue: 12, role: "developer", title: "Add rate limiting", ...overrides };
}
