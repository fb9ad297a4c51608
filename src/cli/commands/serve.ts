// `lanes serve`: the GitHub App server (Probot) until SIGTERM or Ctrl-C; deliveries in flight finish first.
// Settings come from the environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
// GITHUB_API_URL, REDIS_URL), and from `.env` in the working directory for what the environment lacks,
// as Probot reads them. With no App at all, Probot's setup flow creates one and writes that `.env`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import type { Command } from "commander";
import { startServe, WEBHOOK_PATH } from "../../app/index.js";
import { startAppSetup } from "../../app/serve/app-setup.js";
import { createLogger } from "../../observe/logger.js";
import { action, type CliDeps } from "../cli-deps.js";
import { packageRoot } from "../package-root.js";

/** The environment with `.env` of the working directory under it (the environment wins). */
function withDotEnv(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const file = join(cwd, ".env");
  return existsSync(file) ? { ...parseEnv(readFileSync(file, "utf8")), ...env } : env;
}

const unset = (env: NodeJS.ProcessEnv, name: string): boolean => !env[name]?.trim();

function waitForSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
  });
}

export function registerServe(program: Command, ctx: CliDeps): void {
  program
    .command("serve")
    .description(
      `run the GitHub App: webhooks at ${WEBHOOK_PATH}, /healthz, /metrics (settings from APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, GITHUB_API_URL, REDIS_URL, then .env); with none of APP_ID, PRIVATE_KEY and PRIVATE_KEY_PATH, Probot's setup creates the App from app.yml and writes .env`,
    )
    .action(
      action(ctx, async () => {
        const env = withDotEnv(ctx.env, ctx.cwd);
        const log = createLogger({ level: env.LANES_LOG_LEVEL ?? env.LOG_LEVEL ?? "info" }, env);
        if (unset(env, "APP_ID") && unset(env, "PRIVATE_KEY") && unset(env, "PRIVATE_KEY_PATH")) {
          const setup = await startAppSetup(env, {
            log,
            cwd: ctx.cwd,
            lanesManifest: join(packageRoot(), "app.yml"),
          });
          ctx.io.stdout(
            `lanes serve: no GitHub App configured; create one at ${setup.url}\n` +
              `  the manifest: ${setup.manifest.path}${setup.manifest.written ? " (written from Lanes' app.yml)" : ""}\n` +
              `  the App's APP_ID, PRIVATE_KEY and WEBHOOK_SECRET go to ${join(ctx.cwd, ".env")}; then start lanes serve again\n`,
          );
          await waitForSignal();
          await setup.stop();
          // Probot's setup server keeps the browser's and its GitHub client's connections alive, and
          // offers no way to close them; nothing is in flight once the user stops it
          if (ctx.env === process.env) process.exit(0);
          return 0;
        }
        const handle = await startServe(env, { log });
        ctx.io.stdout(`lanes serve: ${handle.url} (webhooks at ${handle.url}${WEBHOOK_PATH})\n`);
        await waitForSignal();
        await handle.stop();
        return 0;
      }),
    );
}
