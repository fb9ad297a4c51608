// The set-up of a test that runs `lanes stack up` in local mode: a repository with one commit and a bare
// remote, its own LANES_HOME and worktree root, a unique stack name (so its own tmux socket) and, given the
// test's Redis, that Redis and key prefix. Registers hooks that make them before each test and remove them
// (the stack's tmux server included) after.
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { gitEnv, makeRepo, type TestRepo } from "./git.js";
import type { RedisTestContext } from "./redis.js";
import { makeTempDir, type TempDir } from "./tmp.js";

export interface LocalStackContext {
  repo: TestRepo;
  remote: TestRepo;
  home: TempDir;
  env: NodeJS.ProcessEnv;
  name: string;
}

export function useLocalStack(options: { label: string; redis?: RedisTestContext }): LocalStackContext {
  const context = {} as LocalStackContext;
  beforeEach(async () => {
    context.repo = await makeRepo();
    await context.repo.commit("init", { "README.md": "# Demo\n" });
    context.remote = await makeRepo({ bare: true });
    await context.repo.git("remote", "add", "origin", context.remote.dir);
    context.home = await makeTempDir(options.label);
    context.name = `s${Math.random().toString(36).slice(2, 8)}`;
    const redis = options.redis;
    context.env = {
      ...gitEnv,
      LANES_HOME: context.home.path,
      // without the test's Redis the stack starts its own redis-server
      ...(redis ? { REDIS_URL: redis.url, LANES_PREFIX: redis.prefix, LANES_LOG_LEVEL: "info" } : {}),
      ...(redis ? {} : { LANES_PREFIX: `lanes-test-${context.name}` }),
      LANES_TICK_MS: "300",
      LANES_WORKTREE_ROOT: join(context.home.path, "worktrees"),
    };
  });
  afterEach(async () => {
    await new Tmux(stackPaths(context.env, context.name).socket).killServer();
    await context.repo.remove();
    await context.remote.remove();
    await context.home.remove();
  });
  return context;
}
