// `lanes stack …`: start, watch, control and stop a stack of agents in a private tmux server.
import type { Command } from "commander";
import { openStack, readStackStatus, stackDown, watchStackStatus } from "../../runner/stack-control.js";
import { stackNameFor } from "../../runner/stack-paths.js";
import { renderStackStatus } from "../../runner/stack-status.js";
import { sanitizeText } from "../../text/sanitize.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { registerStackLs } from "./stack-ls.js";
import { registerStackRun } from "./stack-run.js";

interface NameOption {
  name?: string;
}

export function registerStack(program: Command, ctx: CliDeps): void {
  const stack = program.command("stack").description("run a team of agents in tmux on this host");
  const nameOf = (opts: NameOption) => stackNameFor(ctx.cwd, opts.name);

  stack
    .command("status")
    .description("show every lane: role, PRP, state, branch, last event, idle time, commits")
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--json", "print the status as JSON")
    .option("--watch", "keep the table on screen and redraw it on every event (used by the status window)")
    .action(
      action(ctx, async (opts: NameOption & { json?: boolean; watch?: boolean }) => {
        const handle = await openStack(ctx.env, nameOf(opts));
        if (opts.watch) {
          const stop = new AbortController();
          process.once("SIGTERM", () => stop.abort());
          process.once("SIGINT", () => stop.abort());
          await watchStackStatus(
            handle,
            (text) => ctx.io.stdout(`\x1b[H\x1b[2J${sanitizeText(text)}\n`),
            stop.signal,
          );
          return 0;
        }
        emit(ctx, await readStackStatus(handle), { json: opts.json, human: renderStackStatus });
        return 0;
      }),
    );

  stack
    .command("down")
    .description("stop the stack: its agents and supervisor (worktrees and branches stay)")
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (opts: NameOption & { json?: boolean }) => {
        const handle = await openStack(ctx.env, nameOf(opts));
        const result = await stackDown(handle);
        emit(
          ctx,
          { name: handle.record.name, ...result },
          {
            json: opts.json,
            human: (r) => (r.wasRunning ? `stack ${r.name} stopped` : `stack ${r.name} was not running`),
          },
        );
        return 0;
      }),
    );

  registerStackRun(stack, ctx);
  registerStackLs(stack, ctx);
}
