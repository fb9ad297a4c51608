// `lanes hook EVENT`: called by Claude Code hooks (and the script agent) inside a lane's pane.
import type { Command } from "commander";
import { action, type CliDeps } from "../cli-deps.js";
import { hookCommand } from "../hook-command.js";

export function registerHook(program: Command, ctx: CliDeps): void {
  program
    .command("hook")
    .description("record a Claude Code hook event (JSON on stdin) for the stack's supervisor")
    .argument("<event>", "Stop, Notification, SessionStart, SessionEnd …")
    .action(action(ctx, (event: string) => hookCommand(event, ctx.io, ctx.env)));
}
