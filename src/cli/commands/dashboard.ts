// `lanes dashboard [--redis URL] [--repo R | --prefix P] [--port P] [--host H]`: the live dashboard alone,
// for local mode or a host without `lanes serve`. Loopback unless --host says otherwise, and then only with
// LANES_DASHBOARD_TOKEN. Runs until SIGTERM or Ctrl-C.
import type { Command } from "commander";
import * as z from "zod";
import { startDashboard } from "../../dashboard/index.js";
import { UsageError } from "../../errors.js";
import { resolveRedisUrl } from "../../state/index.js";
import { action, type CliDeps } from "../cli-deps.js";
import { addStateOptions, repoFrom, type StateOptions } from "./state-options.js";

const PortSchema = z.coerce.number().int().min(0).max(65_535);

interface DashboardOptions extends StateOptions {
  port: string;
  host: string;
  webUrl?: string;
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
  });

export async function runDashboard(
  ctx: CliDeps,
  opts: DashboardOptions,
  stopped: () => Promise<unknown>,
): Promise<number> {
  const port = PortSchema.safeParse(opts.port);
  if (!port.success) throw new UsageError(`--port takes a port number (0-65535), not "${opts.port}"`);
  const handle = await startDashboard({
    redisUrl: resolveRedisUrl(opts.redis, ctx.env),
    port: port.data,
    host: opts.host,
    token: ctx.env.LANES_DASHBOARD_TOKEN,
    repo: repoFrom(opts, ctx),
    prefix: opts.prefix ?? ctx.env.LANES_PREFIX,
    webUrl: opts.webUrl,
    log: ctx.log,
  });
  ctx.io.stdout(`lanes dashboard: ${handle.url}\n`);
  try {
    await stopped();
  } finally {
    await handle.stop();
  }
  return 0;
}

export function registerDashboard(program: Command, ctx: CliDeps): void {
  addStateOptions(program.command("dashboard"))
    .description(
      "serve the live dashboard from Redis: hosts, lanes, queues, lane logs, charts (every repository found, unless --repo or --prefix)",
    )
    .option("--port <port>", "port to listen on (0: a free one)", "4000")
    .option(
      "--host <address>",
      "address to bind; beyond loopback LANES_DASHBOARD_TOKEN is required",
      "127.0.0.1",
    )
    .option("--web-url <url>", "GitHub's web address for links (default https://github.com)")
    .action(action(ctx, (opts: DashboardOptions) => runDashboard(ctx, opts, untilSignal)));
}
