// The dashboard as a request handler under /dashboard: the page and its files, /dashboard/api/snapshot
// (JSON) and /dashboard/api/events (server-sent events from the live feed). `lanes serve` mounts it beside
// the webhooks; `lanes dashboard` runs it alone. Every response forbids framing, inline script and sniffing.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "../observe/logger.js";
import { createStateStore, findRepos } from "../state/index.js";
import { presentedToken, requiredToken, sameToken, tokenCookie } from "./access.js";
import { buildSnapshot, type DashboardSnapshot, type DashboardSource } from "./build-snapshot.js";
import type { ChartData } from "./chart-data.js";
import { createLiveFeed, type FeedClient } from "./live-feed.js";
import {
  callbackUrl,
  cookieValue,
  newState,
  sameState,
  sessionCookie,
  sessionOf,
  SESSION_MS,
  STATE_COOKIE,
  stateCookie,
  type SignInPort,
} from "./sign-in.js";
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
  /** GitHub sign-in: users with read access see the repositories they may read. */
  signIn?: SignInPort | undefined;
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
  const { log, signIn } = options;
  const token = requiredToken(options.host, options.token, signIn !== undefined);
  const repos = repoSources(options);
  const sources = () => repos.list();
  const chartCache = new Map<string, { at: number; charts: ChartData }>();
  const snapshot = (list: DashboardSource[]) => buildSnapshot(list, { webUrl: options.webUrl, chartCache });
  const feed = createLiveFeed({ sources, snapshot, log });
  const files = staticFiles();
  const streams = new Set<ServerResponse>();

  function refuse(res: ServerResponse): void {
    res.writeHead(401, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
    res.end(
      signIn
        ? `sign in with GitHub: open ${DASHBOARD_PATH}/auth/login\n`
        : `the dashboard needs its token: open ${DASHBOARD_PATH}/?token=<LANES_DASHBOARD_TOKEN>\n`,
    );
  }

  /** Who may see what: everything (loopback, the token), the session's repositories, or nothing. */
  function accessOf(req: IncomingMessage): "all" | Set<string> | undefined {
    if (!token && !signIn) return "all";
    const given = presentedToken(req);
    if (token && given !== undefined && sameToken(given, token)) return "all";
    const session = signIn ? sessionOf(req, signIn.sessionKey) : undefined;
    return session ? new Set(session.repos) : undefined;
  }

  const visible = (access: "all" | Set<string>, repo: string) => access === "all" || access.has(repo);

  async function signInRoute(path: string, url: URL, req: IncomingMessage, res: ServerResponse) {
    if (!signIn) return false;
    const secure = (req.headers["x-forwarded-proto"] ?? "") === "https";
    const redirectUri = callbackUrl(req, signIn);
    if (path === "auth/login") {
      const state = newState();
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        "set-cookie": stateCookie(state, secure),
        location: signIn.authorizeUrl(state, redirectUri),
      });
      res.end();
      return true;
    }
    if (path !== "auth/callback") return false;
    const code = url.searchParams.get("code");
    if (!code || !sameState(url.searchParams.get("state"), cookieValue(req, STATE_COOKIE))) {
      res.writeHead(400, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
      res.end(`sign-in expired or was not started here: open ${DASHBOARD_PATH}/auth/login again\n`);
      return true;
    }
    const login = await signIn.login(code, redirectUri);
    const shown = (await sources()).map((s) => s.repo).filter((r) => !r.startsWith("local/"));
    const repos = await signIn.readable(login, shown);
    log.info({ login, repos: repos.length }, "dashboard sign-in");
    if (repos.length === 0) {
      res.writeHead(403, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
      res.end(`${login} has no read access to the repositories this dashboard shows\n`);
      return true;
    }
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      "set-cookie": [
        sessionCookie(signIn.sessionKey, { login, repos, exp: Date.now() + SESSION_MS }, secure),
        `${STATE_COOKIE}=; Path=/dashboard/auth; Max-Age=0`,
      ],
      location: `${DASHBOARD_PATH}/`,
    });
    res.end();
    return true;
  }

  async function events(
    req: IncomingMessage,
    res: ServerResponse,
    access: "all" | Set<string>,
  ): Promise<void> {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    streams.add(res);
    const write = (event: string, data: unknown) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // a signed-in user's page gets only the repositories they may read
    const send: FeedClient["send"] = (event, data) => {
      if (access === "all") write(event, data);
      else if (event === "log") {
        if (visible(access, (data as { repo: string }).repo)) write(event, data);
      } else {
        const snap = data as DashboardSnapshot;
        write(event, { ...snap, repos: snap.repos.filter((r) => visible(access, r.repo)) });
      }
    };
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
    if (await signInRoute(path, url, req, res)) return true;
    const access = accessOf(req);
    if (access === undefined) {
      if (signIn && path === "") {
        res.writeHead(302, { ...SECURITY_HEADERS, location: `${DASHBOARD_PATH}/auth/login` }).end();
      } else refuse(res);
      return true;
    }
    if (path === "api/events") await events(req, res, access);
    else if (path === "api/snapshot") {
      const shown = (await sources()).filter((s) => visible(access, s.repo));
      const body = JSON.stringify(await snapshot(shown));
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
