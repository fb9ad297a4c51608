// Options shared by the commands that read Lanes' working memory: which Redis, which repository.
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { openStateStore, resolveRedisUrl, type OpenedStateStore } from "../../state/index.js";
import type { CliDeps } from "../cli-deps.js";
import { inferStateTarget } from "../state/infer-state-target.js";

export interface StateOptions {
  redis?: string;
  repo?: string;
  prefix?: string;
}

export function addStateOptions(command: Command): Command {
  return command
    .option("--redis <url>", "Redis server (default: $REDIS_URL, else redis://127.0.0.1:6379)")
    .option(
      "--repo <owner/repo>",
      "repository whose queues to use (default: $LANES_REPO, $GITHUB_REPOSITORY, the current directory's stack, or its GitHub remote)",
    )
    .option("--prefix <prefix>", "explicit Redis key prefix instead of the repository's lanes:{owner/repo}:");
}

export function repoFrom(opts: StateOptions, ctx: CliDeps): string | undefined {
  return opts.repo ?? ctx.env.LANES_REPO ?? ctx.env.GITHUB_REPOSITORY;
}

/** Opens the repository's store, runs `use`, and always closes the connection. */
export async function withStateStore<T>(
  ctx: CliDeps,
  opts: StateOptions,
  use: (store: OpenedStateStore) => Promise<T>,
): Promise<T> {
  const given = repoFrom(opts, ctx);
  const inferred = given || opts.prefix ? undefined : await inferStateTarget(ctx.cwd, ctx.env);
  if (!given && !opts.prefix && !inferred) {
    throw new UsageError(
      "say which repository: --repo owner/repo (or set LANES_REPO); no stack and no GitHub remote was found for the current directory",
    );
  }
  const store = await openStateStore({
    // a stack that runs its own redis-server is found there, unless a Redis is named
    url: resolveRedisUrl(opts.redis ?? (ctx.env.REDIS_URL ? undefined : inferred?.redisUrl), ctx.env),
    repo: given ?? inferred?.repo,
    prefix: opts.prefix ?? inferred?.prefix,
    log: ctx.log,
  });
  try {
    return await use(store);
  } finally {
    await store.quit();
  }
}
