// `lanes serve`: the GitHub App server (Probot) until SIGTERM or Ctrl-C; deliveries in flight finish first.
// Settings come from the environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
// GITHUB_API_URL, REDIS_URL).
import type { Command } from "commander";
import { startServe, WEBHOOK_PATH } from "../../app/index.js";
import { createLogger } from "../../observe/logger.js";
import { action, type CliDeps } from "../cli-deps.js";

export function registerServe(program: Command, ctx: CliDeps): void {
  program
    .command("serve")
    .description(
      `run the GitHub App: webhooks at ${WEBHOOK_PATH}, /healthz, /metrics (settings from APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, GITHUB_API_URL, REDIS_URL)`,
    )
    .action(
      action(ctx, async () => {
        const log = createLogger({ level: ctx.env.LANES_LOG_LEVEL ?? ctx.env.LOG_LEVEL ?? "info" }, ctx.env);
        const handle = await startServe(ctx.env, { log });
        ctx.io.stdout(`lanes serve: ${handle.url} (webhooks at ${handle.url}${WEBHOOK_PATH})\n`);
        await new Promise<void>((resolve) => {
          for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
        });
        await handle.stop();
        return 0;
      }),
    );
}
