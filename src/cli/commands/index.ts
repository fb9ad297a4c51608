// Every `lanes` subcommand, registered in one explicit typed map (no directory scanning).
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerAudit } from "./audit.js";
import { registerDoctor } from "./doctor.js";
import { registerQueue } from "./queue.js";

export type CliCommand = (program: Command, ctx: CliContext) => void;

export const cliCommands = {
  doctor: registerDoctor,
  queue: registerQueue,
  audit: registerAudit,
} satisfies Record<string, CliCommand>;
