// `lanes serve` as a function: the Probot app behind a plain Node HTTP server — webhooks at
// /api/github/webhooks, /healthz, /metrics, the dashboard at /dashboard — returning its URL and a stop() that lets deliveries in flight
// finish. The CLI command, the demo and the end-to-end tests all start it this way.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createGitHubPort, probeGitHub, type GitHubPort, type Probe } from "../../github/index.js";
import type { Logger } from "../../observe/logger.js";
import { connectRedis } from "../../state/index.js";
import { createLanesApp, type LanesApp } from "../create-lanes-app.js";
import { createAppMetrics, type AppMetrics } from "./app-metrics.js";
import { loadServeConfig, WEBHOOK_PATH, type ServeConfig } from "./serve-config.js";
import { serveDashboard } from "./serve-dashboard.js";

export interface ServeHandle {
  /** http://host:port of the server (the port chosen when PORT=0). */
  url: string;
  config: ServeConfig;
  app: LanesApp;
  metrics: AppMetrics;
  /** Stops accepting, lets deliveries in flight finish, then closes Redis. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  log: Logger;
  /** Replaces the installation ports (tests); the default authenticates as the App's installation. */
  portFor?: (installationId: number, config: ServeConfig, metrics: AppMetrics) => GitHubPort;
  /** How long a GitHub reachability answer is reused (ms). */
  probeEveryMs?: number;
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

function installationPort(installationId: number, config: ServeConfig, metrics: AppMetrics, log: Logger) {
  return createGitHubPort({
    auth: { type: "app", appId: config.appId, privateKey: config.privateKey, installationId },
    baseUrl: config.githubApiUrl,
    log,
    registry: metrics.registry,
    pacing: LOOPBACK.test(config.githubApiUrl) ? "none" : "github",
  });
}

function healthCheck(redis: Redis, config: ServeConfig, probeEveryMs: number) {
  let github: { at: number; probe: Probe } | undefined;
  return async (): Promise<string[]> => {
    const problems: string[] = [];
    try {
      await redis.ping();
    } catch (error) {
      problems.push(`Redis is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!github || Date.now() - github.at > probeEveryMs)
      github = { at: Date.now(), probe: await probeGitHub(config.githubApiUrl) };
    if (!github.probe.ok) problems.push(github.probe.reason);
    return problems;
  };
}

export async function startServe(env: NodeJS.ProcessEnv, options: ServeOptions): Promise<ServeHandle> {
  const { log } = options;
  const config = loadServeConfig(env);
  const redis = await connectRedis(config.redisUrl, { log });
  const metrics = createAppMetrics();
  const portFor = options.portFor ?? ((id, c, m) => installationPort(id, c, m, log));
  const app = createLanesApp({ redis, log, metrics, portFor: (id) => portFor(id, config, metrics) });
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.githubApiUrl,
    log: log as never,
    // Probot's own client is never used for API calls (the port is); it must not retry or throttle either
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  const webhooks = await createNodeMiddleware(app.appFn, { probot, webhooksPath: WEBHOOK_PATH });
  const health = healthCheck(redis, config, options.probeEveryMs ?? 60_000);
  const dashboard = serveDashboard(redis, config, env, log, metrics, (id) => portFor(id, config, metrics));

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      const problems = await health();
      res.writeHead(problems.length === 0 ? 200 : 503, { "content-type": "text/plain" });
      res.end(problems.length === 0 ? "ok\n" : `${problems.join("\n")}\n`);
      return;
    }
    if (req.method === "GET" && path === "/metrics") {
      res.writeHead(200, { "content-type": metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (await dashboard.handle(req, res)) return;
    await webhooks(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    });
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.message : String(error) }, "request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const url = `http://${host}:${address.port}`;
  log.info({ url, webhooks: `${url}${WEBHOOK_PATH}`, github: config.githubApiUrl }, "lanes serve listening");
  app.scheduler.start();

  let stopping: Promise<void> | undefined;
  return {
    url,
    config,
    app,
    metrics,
    stop: () =>
      (stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        dashboard.close();
        server.closeIdleConnections();
        await app.scheduler.stop();
        await app.idle();
        // the deliveries have answered: keep-alive connections need not wait for their timeout
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), 5_000);
        await closed;
        clearTimeout(grace);
        app.close();
        redis.disconnect();
        log.info("lanes serve stopped");
      })()),
  };
}
