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
  /** Resolves once the store has a connection blocked in the server on a claim's wait (BLPOP). */
  untilBlocked(store: StateStore): Promise<void>;
}

export function useStores(redis: RedisTestContext): StoreFactory {
  const opened: { store: StateStore; connection: Redis; name: string }[] = [];
  const factory: StoreFactory = {
    clock: manualClock(),
    async open(overrides = {}, url = redis.url) {
      // the blocking connections the store duplicates from this one carry the same name
      const name = `${redis.prefix}store-${opened.length}`;
      const connection = new Redis(url, {
        connectionName: name,
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
      opened.push({ store, connection, name });
      return store;
    },
    async untilBlocked(store) {
      const entry = opened.find((o) => o.store === store);
      if (!entry) throw new Error("untilBlocked: the store was not opened by this factory");
      const blocked = (list: string) =>
        list
          .split("\n")
          .some((line) => line.includes(` name=${entry.name} `) && / flags=\S*b\S* .* cmd=blpop /.test(line));
      const deadline = Date.now() + 15_000;
      while (!blocked((await entry.connection.client("LIST")) as string)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${entry.name} to block on a claim`);
        await new Promise((r) => setTimeout(r, 10));
      }
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
