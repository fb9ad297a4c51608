import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/redis-global-setup.ts"],
    setupFiles: ["test/support/no-network.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    reporters: process.env.LANES_VITEST_JSON
      ? ["default", ["json", { outputFile: process.env.LANES_VITEST_JSON }]]
      : ["default"],
  },
});
