// Every `lanes` subcommand, registered in one explicit typed map (no directory scanning).
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerConfig } from "./config.js";
import { registerDoctor } from "./doctor.js";
import { registerHook } from "./hook.js";
import { registerSay } from "./say.js";
import { registerStack } from "./stack.js";
import { registerPrp } from "./prp.js";
import { registerGate } from "./gate.js";
import { registerTeam } from "./team.js";
import { registerIntegrate } from "./integrate.js";
import { registerSandbox } from "./sandbox.js";

export type CliCommand = (program: Command, ctx: CliContext) => void;

export const cliCommands = {
  doctor: registerDoctor,
  prp: registerPrp,
  gate: registerGate,
  config: registerConfig,
  team: registerTeam,
  hook: registerHook,
  stack: registerStack,
  say: registerSay,
  integrate: registerIntegrate,
  sandbox: registerSandbox,
} satisfies Record<string, CliCommand>;
