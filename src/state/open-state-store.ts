// Connects to Redis and opens the store of one repository: what the CLI, the app and the supervisor start with.
import type { Logger } from "../observe/logger.js";
import { connectRedis } from "./connect-redis.js";
import { createStateStore, type StateStore, type StateStoreOptions } from "./create-state-store.js";
import { repoPrefix } from "./keys.js";

export interface OpenStateStore extends Partial<Omit<StateStoreOptions, "redis" | "prefix" | "log">> {
  url: string;
  log: Logger;
  /** owner/repo; gives the prefix `lanes:{owner/repo}:`. */
  repo?: string;
  /** An explicit prefix instead of the repo's. */
  prefix?: string;
}

export type OpenedStateStore = StateStore & { quit(): Promise<void> };

export async function openStateStore(options: OpenStateStore): Promise<OpenedStateStore> {
  const prefix = options.prefix ?? repoPrefix(options.repo ?? "");
  const redis = await connectRedis(options.url, { log: options.log });
  const store = createStateStore({ ...options, redis, prefix });
  return {
    ...store,
    async quit() {
      store.close();
      redis.disconnect();
    },
  };
}
