// Every `lanes` subcommand, registered in one explicit typed map (no directory scanning).
import type { Command } from "commander";
import type { CliDeps } from "../cli-deps.js";
import { registerAppEvent } from "./app-event.js";
import { registerAudit } from "./audit.js";
import { registerConfig } from "./config.js";
import { registerDemo } from "./demo.js";
import { registerDoctor } from "./doctor.js";
import { registerHook } from "./hook.js";
import { registerSay } from "./say.js";
import { registerStack } from "./stack.js";
import { registerGate } from "./gate.js";
import { registerIngest } from "./ingest.js";
import { registerIntegrate } from "./integrate.js";
import { registerLabels } from "./labels.js";
import { registerPrp } from "./prp.js";
import { registerQueue } from "./queue.js";
import { registerReconcile } from "./reconcile.js";
import { registerSandbox } from "./sandbox.js";
import { registerServe } from "./serve.js";
import { registerTeam } from "./team.js";

export type CliCommand = (program: Command, ctx: CliDeps) => void;

export const cliCommands = {
  prp: registerPrp,
  ingest: registerIngest,
  labels: registerLabels,
  config: registerConfig,
  team: registerTeam,
  hook: registerHook,
  stack: registerStack,
  say: registerSay,
  queue: registerQueue,
  reconcile: registerReconcile,
  audit: registerAudit,
  gate: registerGate,
  integrate: registerIntegrate,
  sandbox: registerSandbox,
  serve: registerServe,
  doctor: registerDoctor,
  demo: registerDemo,
  "app-event": registerAppEvent,
} satisfies Record<string, CliCommand>;
