// `lanes standup [--since 24h] [--json]`: the standup digest from Redis, the same the App posts once a day on
// the "Lanes standup" issue: done, in progress with age, waiting and blocked with questions, next up, and
// tokens and cost since the last posted standup.
import type { Command } from "commander";
import { collectStandup, renderStandup } from "../../app/team/standup-digest.js";
import { collectSpend } from "../../app/team/standup-spend.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { parseSince } from "./audit.js";
import { addStateOptions, withStateStore, type StateOptions } from "./state-options.js";

export function registerStandup(program: Command, ctx: CliDeps): void {
  addStateOptions(program.command("standup"))
    .description(
      "the standup digest: done since, in progress, waiting and blocked, next up, integrations, tokens and cost",
    )
    .option("--since <time>", "what happened since then: 30m, 24h, 7d, an ISO date, or epoch ms", "24h")
    .option("--json", "print as JSON")
    .action(
      action(ctx, (opts: StateOptions & { since: string; json?: boolean }) => {
        const now = Date.now();
        const since = parseSince(opts.since, now);
        return withStateStore(ctx, opts, async (store) => {
          const spend = await collectSpend(store);
          emit(ctx, await collectStandup(store, { since, now, spend }), {
            json: opts.json,
            human: renderStandup,
          });
          return 0;
        });
      }),
    );
}
