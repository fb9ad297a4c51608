// The dashboard inside `lanes serve`, at /dashboard on the App's own port. The App usually listens beyond
// loopback (HOST 0.0.0.0), so the dashboard needs LANES_DASHBOARD_TOKEN or GitHub sign-in (the App's
// GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET) there; without either the App still
// starts and /dashboard says how to turn it on. The board's gauges are on /metrics either way, for the
// repositories the App has handled (the page shows every repository with Lanes keys).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import {
  createDashboard,
  DashboardConfigError,
  DASHBOARD_PATH,
  registerBoardMetrics,
  repoSources,
  type Dashboard,
} from "../../dashboard/index.js";
import type { GitHubPort } from "../../github/index.js";
import type { Logger } from "../../observe/logger.js";
import { dashboardSignIn } from "./dashboard-sign-in.js";
import type { ServeConfig } from "./serve-config.js";

/** github.com for the public API; a GitHub Enterprise Server's web address is its API URL without /api/v3. */
export function webUrlOf(apiUrl: string): string {
  return apiUrl === "https://api.github.com" ? "https://github.com" : apiUrl.replace(/\/api\/v3$/, "");
}

export function serveDashboard(
  redis: Redis,
  config: ServeConfig,
  env: NodeJS.ProcessEnv,
  log: Logger,
  metrics: { registry: Registry; repos(): string[] },
  portFor: (installationId: number) => GitHubPort,
): Pick<Dashboard, "handle" | "close"> {
  // the board's gauges cover the repositories the App has handled, like the queue gauges beside them
  const metricSources = repoSources({ redis, log, repos: () => metrics.repos() });
  registerBoardMetrics(metrics.registry, () => metricSources.list());
  try {
    return createDashboard({
      redis,
      log,
      host: config.host,
      token: env.LANES_DASHBOARD_TOKEN,
      webUrl: webUrlOf(config.githubApiUrl),
      signIn: dashboardSignIn(env, config, webUrlOf(config.githubApiUrl), portFor, log),
    });
  } catch (error) {
    if (!(error instanceof DashboardConfigError)) throw error;
    log.warn({ reason: error.message }, "dashboard off");
    return {
      async handle(req: IncomingMessage, res: ServerResponse) {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (path !== DASHBOARD_PATH && !path.startsWith(`${DASHBOARD_PATH}/`)) return false;
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end(`the dashboard is off: ${error.message}\n`);
        return true;
      },
      close: () => undefined,
    };
  }
}
