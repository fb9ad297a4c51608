// `lanes dashboard` as a function: the dashboard alone on its own HTTP server (loopback by default),
// reading one Redis; returns its URL and stop(). `/` leads to the page.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../observe/logger.js";
import { connectRedis } from "../state/index.js";
import { createDashboard, DASHBOARD_PATH, type DashboardOptions } from "./create-dashboard.js";

export interface StartDashboard extends Omit<DashboardOptions, "redis" | "log"> {
  redisUrl: string;
  port: number;
  log: Logger;
}

export interface DashboardHandle {
  /** The page's address, e.g. http://127.0.0.1:4000/dashboard/ */
  url: string;
  stop(): Promise<void>;
}

export async function startDashboard(options: StartDashboard): Promise<DashboardHandle> {
  const { log } = options;
  const redis = await connectRedis(options.redisUrl, { log });
  let dashboard;
  try {
    dashboard = createDashboard({ ...options, redis });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const server = createServer((req, res) => {
    if ((req.url ?? "/") === "/") {
      res.writeHead(302, { location: `${DASHBOARD_PATH}/` }).end();
      return;
    }
    dashboard
      .handle(req, res)
      .then((handled) => {
        if (!handled) res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      })
      .catch((error: unknown) => {
        log.error({ err: String(error) }, "dashboard request failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  const host = shown.includes(":") ? `[${shown}]` : shown;
  const url = `http://${host}:${port}${DASHBOARD_PATH}/`;
  log.info({ url }, "lanes dashboard listening");
  return {
    url,
    async stop() {
      dashboard.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      redis.disconnect();
    },
  };
}
