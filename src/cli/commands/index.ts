// Every `lanes` subcommand, in one explicit typed map (no directory scanning). A command's module is
// imported only when that command runs: `lanes --help` lists the summaries here, `lanes hook` loads
// the hook alone, not ioredis, Octokit or the sandbox.
import type { Command } from "commander";
import type { CliDeps } from "../cli-deps.js";

export type CliCommand = (program: Command, ctx: CliDeps) => void;

export interface CommandEntry {
  /** One line for `lanes --help`; the command's own module has the full description. */
  summary: string;
  load: () => Promise<CliCommand>;
}

export const cliCommands = {
  prp: {
    summary: "read and check PRPs (markdown specs)",
    load: async () => (await import("./prp.js")).registerPrp,
  },
  ingest: {
    summary: "file a backlog folder of PRPs as issues labelled prp",
    load: async () => (await import("./ingest.js")).registerIngest,
  },
  config: {
    summary: "work with the repository's .github/lanes.yml",
    load: async () => (await import("./config.js")).registerConfig,
  },
  team: {
    summary: "plan the team of agents for a repository",
    load: async () => (await import("./team.js")).registerTeam,
  },
  hook: {
    summary: "record a Claude Code hook event (JSON on stdin) for the stack's supervisor",
    load: async () => (await import("./hook.js")).registerHook,
  },
  stack: {
    summary: "run a team of agents in tmux on this host",
    load: async () => (await import("./stack.js")).registerStack,
  },
  say: {
    summary: "send a message to agents of a stack",
    load: async () => (await import("./say.js")).registerSay,
  },
  hold: {
    summary: "keep a PRP's lanes out of local integration (lanes integrate --ready --stack)",
    load: async () => (await import("./hold.js")).registerHold,
  },
  unhold: {
    summary: "release a PRP held with lanes hold",
    load: async () => (await import("./hold.js")).registerUnhold,
  },
  queue: {
    summary: "inspect and steer the work queues in Redis",
    load: async () => (await import("./queue.js")).registerQueue,
  },
  audit: {
    summary: "show the audit stream: commands, state transitions, messages, job steps",
    load: async () => (await import("./audit.js")).registerAudit,
  },
  standup: {
    summary: "the standup digest: done, in progress, waiting and blocked, next up",
    load: async () => (await import("./standup.js")).registerStandup,
  },
  gate: {
    summary: "run quality gates on a local lane, optionally publishing them as check runs",
    load: async () => (await import("./gate.js")).registerGate,
  },
  integrate: {
    summary: "merge finished lanes in dependency order and write lanes/integration/<date>",
    load: async () => (await import("./integrate.js")).registerIntegrate,
  },
  sandbox: {
    summary: "run a local GitHub (REST subset, bare git repos, an App, signed webhooks)",
    load: async () => (await import("./sandbox.js")).registerSandbox,
  },
  doctor: {
    summary: "check that git, tmux, redis-server (and optionally claude) are installed",
    load: async () => (await import("./doctor.js")).registerDoctor,
  },
  demo: {
    summary: "run the lifecycle end to end, offline, on a local GitHub",
    load: async () => (await import("./demo.js")).registerDemo,
  },
  labels: {
    summary: "manage the labels Lanes uses on a repository",
    load: async () => (await import("./labels.js")).registerLabels,
  },
  reconcile: {
    summary: "rebuild Redis (states, queues, blocked sets) from GitHub",
    load: async () => (await import("./reconcile.js")).registerReconcile,
  },
  serve: {
    summary: "run the GitHub App (webhooks, /healthz, /metrics)",
    load: async () => (await import("./serve.js")).registerServe,
  },
  dashboard: {
    summary: "serve the live dashboard (lanes, hosts, queues, lane logs, charts) from Redis",
    load: async () => (await import("./dashboard.js")).registerDashboard,
  },
  "app-event": {
    summary: "run the App's handlers for this GitHub Actions run's event",
    load: async () => (await import("./app-event.js")).registerAppEvent,
  },
  init: {
    summary: "set up Lanes in a repository: .github/lanes.yml and the lanes-* workflows",
    load: async () => (await import("./init.js")).registerInit,
  },
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof cliCommands;

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(cliCommands, name);
}
