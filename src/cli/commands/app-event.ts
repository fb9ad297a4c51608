// `lanes app-event`: the App's handlers for the event that started this workflow run (the action's app mode).
// The same handler map `lanes serve` runs, fed one event through Probot's receive; writes with the job's token.
import { appendFile } from "node:fs/promises";
import type { Command } from "commander";
import { readActionsEnv, receiveActionsEvent } from "../../app/actions/receive-actions-event.js";
import { createLanesApp } from "../../app/create-lanes-app.js";
import { githubPortFromEnv } from "../../github/index.js";
import { connectRedis, resolveRedisUrl } from "../../state/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";

interface AppEventOptions {
  redis?: string;
  json?: boolean;
}

/** The job's token stands for the installation a server would have. */
const JOB_INSTALLATION = 0;

export function registerAppEvent(program: Command, ctx: CliDeps): void {
  program
    .command("app-event")
    .description(
      "run the App's handlers for this GitHub Actions run's event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) with the job's token",
    )
    .option("--redis <url>", "Redis server (default: $REDIS_URL, else redis://127.0.0.1:6379)")
    .option("--json", "print what was handled as JSON")
    .action(
      action(ctx, async (opts: AppEventOptions) => {
        const env = readActionsEnv(ctx.env);
        const github = githubPortFromEnv(ctx.env, ctx.log, "lanes app-event");
        const redis = await connectRedis(resolveRedisUrl(opts.redis, ctx.env), { log: ctx.log });
        const app = createLanesApp({ redis, log: ctx.log, portFor: () => github });
        try {
          const delivery = await receiveActionsEvent({
            env,
            appFn: app.appFn,
            log: ctx.log,
            installationId: JOB_INSTALLATION,
          });
          await app.idle();
          const requests = Object.values(github.requestCounts()).reduce((a, b) => a + b, 0);
          const result = { ...delivery, requests };
          if (ctx.env.GITHUB_OUTPUT)
            await appendFile(ctx.env.GITHUB_OUTPUT, `event=${result.event}\nrequests=${requests}\n`);
          emit(ctx, result, {
            json: opts.json,
            human: (r) => `handled ${r.event} (delivery ${r.id}) with ${r.requests} GitHub request(s)`,
          });
          return 0;
        } finally {
          app.close();
          redis.disconnect();
        }
      }),
    );
}
