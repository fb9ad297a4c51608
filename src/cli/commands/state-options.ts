// Options shared by the commands that read Lanes' working memory: which Redis, which repository.
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { openStateStore, resolveRedisUrl, type OpenedStateStore } from "../../state/index.js";
import type { CliDeps } from "../cli-deps.js";

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
      "repository whose queues to use (default: $LANES_REPO or $GITHUB_REPOSITORY)",
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
  const repo = repoFrom(opts, ctx);
  if (!repo && !opts.prefix) {
    throw new UsageError("say which repository: --repo owner/repo (or set LANES_REPO)");
  }
  const store = await openStateStore({
    url: resolveRedisUrl(opts.redis, ctx.env),
    repo,
    prefix: opts.prefix,
    log: ctx.log,
  });
  try {
    return await use(store);
  } finally {
    await store.quit();
  }
}
