// The Probot application: every delivery is routed through the typed handler map. An event no handler wants
// costs nothing (no Redis, no REST); a wanted one is de-duplicated by delivery id, so a redelivery has no
// second effect; a failed one is forgotten again, so its redelivery is retried.
import type { Redis } from "ioredis";
import type { ApplicationFunction, Context } from "probot";
import type { GitHubPort, RepoRef } from "../github/index.js";
import type { Logger } from "../observe/logger.js";
import { createStateStore, repoPrefix, systemClock, type StateStore } from "../state/index.js";
import { handlers, type Handler, type HandledEvent } from "./handlers/index.js";
import { repoName, type RepoDeps } from "./repo-deps.js";
import type { AppMetrics } from "./serve/app-metrics.js";
import { fireTimer } from "./team/fire-timer.js";
import { scheduleHostCheck } from "./team/host-watch.js";
import { postStandup } from "./team/post-standup.js";
import { createRepoFilesCache } from "./team/repo-config.js";
import { createScheduler, type Scheduler } from "./team/scheduler.js";

export interface LanesAppOptions {
  redis: Redis;
  log: Logger;
  /** The GitHub port for an installation (the App's installation token); cached per installation. */
  portFor(installationId: number): GitHubPort;
  metrics?: AppMetrics;
  /** Seconds a delivery id is remembered (GitHub redelivers for up to 3 days). */
  deliveryTtlSec?: number;
}

export interface LanesApp {
  appFn: ApplicationFunction;
  /** The state store of a repository (as the App uses it). */
  storeFor(repo: RepoRef): StateStore;
  /** Fires the delayed jobs (SLA checks, alert retries, the standup) of every repository; `lanes serve` starts it. */
  scheduler: Scheduler;
  /** Resolves when every delivery being handled has finished. */
  idle(): Promise<void>;
  close(): void;
}

const APP_PREFIX = "lanes:{app}:";

function isHandled(key: string): key is HandledEvent {
  return Object.hasOwn(handlers, key);
}

export function createLanesApp(options: LanesAppOptions): LanesApp {
  const { redis, log, metrics } = options;
  const stores = new Map<string, StateStore>();
  const ports = new Map<number, GitHubPort>();
  const inFlight = new Set<Promise<unknown>>();
  const deliveries = createStateStore({ redis, prefix: APP_PREFIX, log });
  const files = createRepoFilesCache();
  const registered = new Set<string>();

  function storeFor(repo: RepoRef): StateStore {
    const name = repoName(repo);
    let store = stores.get(name);
    if (!store) {
      store = createStateStore({ redis, prefix: repoPrefix(name), log });
      stores.set(name, store);
      metrics?.watch(name, store);
    }
    return store;
  }

  function portFor(installationId: number): GitHubPort {
    let port = ports.get(installationId);
    if (!port) {
      port = options.portFor(installationId);
      ports.set(installationId, port);
    }
    return port;
  }

  /**
   * The scheduler finds a repository's timers (and the installation acting on it) through this index; the
   * repository's host check starts here (it schedules itself from then on; `keep` leaves a running one).
   */
  async function registerRepo(payload: { repository?: { full_name: string } }, installationId: number) {
    const name = payload.repository?.full_name;
    if (name === undefined || registered.has(name)) return;
    await deliveries.registerTimerRepo(name, installationId);
    const [owner = "", repo = ""] = name.split("/");
    await scheduleHostCheck({ store: storeFor({ owner, repo }) }, { keep: true });
    registered.add(name);
  }

  const scheduler = createScheduler({
    log,
    clock: systemClock,
    targets: async () =>
      (await deliveries.timerRepos()).map(({ repo: name, installationId }) => {
        const [owner = "", repo = ""] = name.split("/");
        const ref = { owner, repo };
        return {
          repo: ref,
          github: portFor(installationId),
          store: storeFor(ref),
          log: log.child({ repo: name }),
          files,
        };
      }),
    fire: (deps, timer) => fireTimer(deps, timer, { standup: postStandup }),
  });

  async function dispatch(context: Context): Promise<void> {
    const payload = context.payload as { action?: string; installation?: { id: number } };
    const key = payload.action ? `${context.name}.${payload.action}` : context.name;
    const handler = isHandled(key) ? (handlers[key] as Handler<HandledEvent>) : undefined;
    if (!handler || !handler.relevant(payload as never)) {
      metrics?.delivery(key, "ignored");
      return;
    }
    const installationId = payload.installation?.id;
    const dlog = log.child({ delivery: context.id, event: key });
    if (installationId === undefined) {
      dlog.warn("delivery without an installation: ignored");
      metrics?.delivery(key, "ignored");
      return;
    }
    if (!(await deliveries.firstDelivery(context.id, options.deliveryTtlSec))) {
      dlog.info("redelivery of a handled delivery: ignored");
      metrics?.delivery(key, "duplicate");
      return;
    }
    const started = performance.now();
    const forRepo = (repo: RepoRef): RepoDeps => ({
      repo,
      github: portFor(installationId),
      store: storeFor(repo),
      log: dlog.child({ repo: repoName(repo) }),
      files,
    });
    try {
      await registerRepo(payload as { repository?: { full_name: string } }, installationId);
      await handler.handle(payload as never, { deliveryId: context.id, log: dlog, forRepo });
      metrics?.delivery(key, "handled", (performance.now() - started) / 1000);
    } catch (error) {
      metrics?.delivery(key, "failed", (performance.now() - started) / 1000);
      await deliveries.forgetDelivery(context.id).catch(() => undefined);
      dlog.error({ err: error instanceof Error ? error.message : String(error) }, "delivery failed");
      throw error;
    }
  }

  return {
    appFn: (app) => {
      app.onAny(async (context) => {
        const work = dispatch(context as unknown as Context);
        inFlight.add(work);
        try {
          await work;
        } finally {
          inFlight.delete(work);
        }
      });
    },
    storeFor,
    scheduler,
    async idle() {
      await Promise.allSettled([...inFlight]);
    },
    close() {
      for (const store of stores.values()) store.close();
      deliveries.close();
    },
  };
}
