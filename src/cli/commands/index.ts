// Every `lanes` subcommand, registered in one explicit typed map (no directory scanning).
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerDoctor } from "./doctor.js";
import { registerHook } from "./hook.js";

export type CliCommand = (program: Command, ctx: CliContext) => void;

export const cliCommands = {
  doctor: registerDoctor,
  hook: registerHook,
} satisfies Record<string, CliCommand>;
