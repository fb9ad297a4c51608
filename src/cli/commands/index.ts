// Every `lanes` subcommand, registered in one explicit typed map (no directory scanning).
import type { Command } from "commander";
import type { CliDeps } from "../cli-deps.js";
import { registerAudit } from "./audit.js";
import { registerConfig } from "./config.js";
import { registerDemo } from "./demo.js";
import { registerDoctor } from "./doctor.js";
import { registerHook } from "./hook.js";
import { registerSay } from "./say.js";
import { registerStack } from "./stack.js";
import { registerGate } from "./gate.js";
import { registerIngest } from "./ingest.js";
import { registerInit } from "./init.js";
import { registerIntegrate } from "./integrate.js";
import { registerPrp } from "./prp.js";
import { registerQueue } from "./queue.js";
import { registerSandbox } from "./sandbox.js";
import { registerTeam } from "./team.js";

export type CliCommand = (program: Command, ctx: CliDeps) => void;

export const cliCommands = {
  prp: registerPrp,
  ingest: registerIngest,
  config: registerConfig,
  team: registerTeam,
  hook: registerHook,
  stack: registerStack,
  say: registerSay,
  queue: registerQueue,
  audit: registerAudit,
  gate: registerGate,
  integrate: registerIntegrate,
  sandbox: registerSandbox,
  doctor: registerDoctor,
  init: registerInit,
  demo: registerDemo,
} satisfies Record<string, CliCommand>;
