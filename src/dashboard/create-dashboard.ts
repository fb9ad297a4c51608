// The dashboard as a request handler under /dashboard: the page and its files, /dashboard/api/snapshot
// (JSON) and /dashboard/api/events (server-sent events from the live feed). `lanes serve` mounts it beside
// the webhooks; `lanes dashboard` runs it alone. Every response forbids framing, inline script and sniffing.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "../observe/logger.js";
import { createStateStore, findRepos } from "../state/index.js";
import { presentedToken, requiredToken, sameToken, tokenCookie } from "./access.js";
import { buildSnapshot, type DashboardSource } from "./build-snapshot.js";
import type { ChartData } from "./chart-data.js";
import { createLiveFeed } from "./live-feed.js";
import { staticFiles } from "./static-files.js";

export const DASHBOARD_PATH = "/dashboard";

export interface DashboardOptions {
  redis: Redis;
  log: Logger;
  /** The address the server listens on: beyond loopback, a token is required. */
  host: string;
  token?: string | undefined;
  /** Show only this key prefix (a local stack's LANES_PREFIX) or repository; every repository found otherwise. */
  prefix?: string | undefined;
  repo?: string | undefined;
  /** GitHub's web address for links (https://github.com by default). */
  webUrl?: string | undefined;
}

export interface Dashboard {
  /** Answers the request if it is the dashboard's; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
}

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

export interface RepoSources {
  /** The repositories to show, each with its store (created once per repository). */
  list(): Promise<DashboardSource[]>;
  close(): void;
}

/** The named prefix or repository, or every repository with Lanes keys in this Redis (looked up every 10 s). */
export function repoSources(
  options: Pick<DashboardOptions, "redis" | "log" | "prefix" | "repo"> & {
    /** A fixed list of repositories instead of the ones found in Redis. */
    repos?: () => string[];
  },
): RepoSources {
  const { redis, log } = options;
  const stores = new Map<string, DashboardSource>();
  let found: { at: number; repos: string[] } | undefined;

  const sourceFor = (repo: string, prefix: string): DashboardSource => {
    let source = stores.get(repo);
    if (!source) {
      source = { repo, store: createStateStore({ redis, prefix, log }) };
      stores.set(repo, source);
    }
    return source;
  };

  return {
    async list() {
      if (options.prefix) return [sourceFor(options.repo ?? options.prefix, options.prefix)];
      if (options.repo) return [sourceFor(options.repo, `lanes:{${options.repo}}:`)];
      if (options.repos) return options.repos().map((repo) => sourceFor(repo, `lanes:{${repo}}:`));
      if (!found || Date.now() - found.at > 10_000) found = { at: Date.now(), repos: await findRepos(redis) };
      return found.repos.map((repo) => sourceFor(repo, `lanes:{${repo}}:`));
    },
    close() {
      for (const source of stores.values()) source.store.close();
    },
  };
}

export function createDashboard(options: DashboardOptions): Dashboard {
  const token = requiredToken(options.host, options.token);
  const { log } = options;
  const repos = repoSources(options);
  const sources = () => repos.list();
  const chartCache = new Map<string, { at: number; charts: ChartData }>();
  const snapshot = (list: DashboardSource[]) => buildSnapshot(list, { webUrl: options.webUrl, chartCache });
  const feed = createLiveFeed({ sources, snapshot, log });
  const files = staticFiles();
  const streams = new Set<ServerResponse>();

  function refuse(res: ServerResponse): void {
    res.writeHead(401, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
    res.end(`the dashboard needs its token: open ${DASHBOARD_PATH}/?token=<LANES_DASHBOARD_TOKEN>\n`);
  }

  async function events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    streams.add(res);
    const send = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 25_000);
    const subscription = feed.subscribe({ send });
    req.once("close", () => {
      clearInterval(keepAlive);
      streams.delete(res);
      subscription.then((unsubscribe) => unsubscribe()).catch(() => undefined);
    });
    await subscription;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://dashboard");
    if (url.pathname !== DASHBOARD_PATH && !url.pathname.startsWith(`${DASHBOARD_PATH}/`)) return false;
    if (req.method !== "GET") {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: "GET" }).end();
      return true;
    }
    const path = url.pathname.slice(DASHBOARD_PATH.length).replace(/^\/+/, "");
    const query = url.searchParams.get("token");
    if (token && query !== null && path === "") {
      if (!sameToken(query, token)) refuse(res);
      else {
        const secure = (req.headers["x-forwarded-proto"] ?? "") === "https";
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          "set-cookie": tokenCookie(token, secure),
          location: `${DASHBOARD_PATH}/`,
        });
        res.end();
      }
      return true;
    }
    const given = presentedToken(req);
    if (token && (given === undefined || !sameToken(given, token))) {
      refuse(res);
      return true;
    }
    if (path === "api/events") await events(req, res);
    else if (path === "api/snapshot") {
      const body = JSON.stringify(await snapshot(await sources()));
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": "application/json",
        "cache-control": "no-store",
      });
      res.end(body);
    } else {
      const file = await files(path);
      if (!file) res.writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/plain" }).end("not found\n");
      else res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type }).end(file.body);
    }
    return true;
  }

  return {
    handle,
    close() {
      feed.close();
      for (const res of streams) res.end();
      streams.clear();
      repos.close();
    },
  };
}
