// `lanes say TARGET MESSAGE`: pastes a message into agent panes of a stack (sanitised, never keystrokes).
import type { Command } from "commander";
import { openStack, sayToLanes } from "../../runner/stack-control.js";
import { stackNameFor } from "../../runner/stack-paths.js";
import { action, emit, type CliDeps } from "../cli-deps.js";

export function registerSay(program: Command, ctx: CliDeps): void {
  program
    .command("say")
    .description("send a message to agents of a stack: a window (developer-12), a lane id, a role, or all")
    .argument("<target>", "window name, lane id, role, or all")
    .argument("<message...>", "the message (control characters and escape sequences are removed)")
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--json", "print what was sent as JSON")
    .action(
      action(ctx, async (target: string, words: string[], opts: { name?: string; json?: boolean }) => {
        const stack = await openStack(ctx.env, stackNameFor(ctx.cwd, opts.name));
        const result = await sayToLanes(stack, target, words.join(" "));
        emit(ctx, result, {
          json: opts.json,
          human: (r) =>
            [
              ...r.sent.map((w) => `sent to ${w}`),
              ...r.skipped.map((s) => `skipped ${s.window}: ${s.reason}`),
            ].join("\n"),
        });
        return result.sent.length > 0 ? 0 : 1;
      }),
    );
}
