// The App as end-to-end tests meet it: a sandbox (local GitHub) whose signed webhooks reach `lanes serve`
// started in process on a loopback port, keeping state in the run's redis-server; the App installed.
import { Octokit } from "@octokit/rest";
import { Redis } from "ioredis";
import { startServe, type ServeHandle } from "../../src/app/serve/start-serve.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type RepoSeed, type Sandbox } from "../../src/sandbox/index.js";
import { repoPrefix } from "../../src/state/index.js";
import { redisUrl } from "./redis.js";

const quiet = () => undefined;

/** Waits until every webhook (and every webhook the App's writes caused in turn) has been delivered. */
export async function settle(sandbox: Sandbox): Promise<void> {
  for (;;) {
    const sent = sandbox.deliveries().length;
    await sandbox.idle();
    if (sandbox.deliveries().length === sent) return;
  }
}

export interface SandboxApp {
  sandbox: Sandbox;
  serve: ServeHandle;
  /** A REST client acting as one of the sandbox's users (sandbox-admin, sandbox-reader, …). */
  as(login: string): Octokit;
  /** Stops the App and the sandbox and removes the repositories' keys from Redis. */
  stop(): Promise<void>;
}

export async function startSandboxApp(options: { repos: RepoSeed[] }): Promise<SandboxApp> {
  const sandbox = await startSandbox({ repos: options.repos });
  const info = sandbox.info();
  let serve: ServeHandle | undefined;
  try {
    serve = await startServe(
      { ...info.env, REDIS_URL: redisUrl(), PORT: "0", HOST: "127.0.0.1" },
      { log: silentLogger() },
    );
    sandbox.setWebhookUrl(`${serve.url}/api/github/webhooks`);
    sandbox.installApp();
    await settle(sandbox);
  } catch (error) {
    await serve?.stop();
    await sandbox.close();
    throw error;
  }
  const clients = new Map<string, Octokit>();
  const started = serve;
  return {
    sandbox,
    serve: started,
    as(login) {
      const token = info.users.find((u) => u.login === login)?.token;
      if (token === undefined) throw new Error(`the sandbox has no user ${login}`);
      const client =
        clients.get(login) ??
        new Octokit({
          auth: token,
          baseUrl: info.api_url,
          log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        });
      clients.set(login, client);
      return client;
    },
    async stop() {
      await started.stop();
      const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      for (const repo of options.repos) {
        const keys = await redis.keys(`${repoPrefix(`${repo.owner}/${repo.name}`)}*`);
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
      await sandbox.close();
    },
  };
}
