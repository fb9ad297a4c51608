// `lanes hook EVENT`: called by Claude Code hooks (and the script agent) inside a lane's pane.
import type { Command } from "commander";
import { runHook } from "../../runner/run-hook.js";
import { action, type CliDeps } from "../cli-deps.js";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function registerHook(program: Command, ctx: CliDeps): void {
  program
    .command("hook")
    .description("record a Claude Code hook event (JSON on stdin) for the stack's supervisor")
    .argument("<event>", "Stop, Notification, SessionStart, SessionEnd …")
    .action(
      action(ctx, async (event: string) => {
        // Always exit 0: Claude Code treats exit 2 from a Stop hook as "keep going" and feeds stderr to
        // the agent, so a hook that cannot record its event says so and never steers the agent.
        try {
          const result = await runHook(event, await readStdin(), ctx.env);
          if (result.problem) ctx.io.stderr(`lanes hook: ${result.problem}\n`);
        } catch (error) {
          ctx.io.stderr(
            `lanes hook: could not record ${event}: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        }
        return 0;
      }),
    );
}
