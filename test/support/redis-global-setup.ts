// Vitest global setup: one real redis-server for the whole run, on a free loopback port.
// Tests reach it through `useRedis()` (test/support/redis.ts), each with its own key prefix.
import type { TestProject } from "vitest/node";
import { startRedisServer } from "./redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startRedisServer();
  project.provide("redisUrl", server.url);
  return () => server.destroy();
}
