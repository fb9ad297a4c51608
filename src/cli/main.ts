#!/usr/bin/env node
// The `lanes` entry point: runs the CLI with the process's streams and sets the exit code. It imports
// only what the command needs: `lanes hook` (run by Claude Code on every event) skips commander and
// the logger, and other commands load their own module alone (see commands/index.ts).
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Logger } from "../observe/logger.js";
import type { CliDeps, CliIo } from "./cli-deps.js";
import { sanitizeText } from "../text/sanitize.js";

export interface RunCliOptions {
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** `hook EVENT` and nothing else: the fast path; anything more (e.g. --help) goes through commander. */
function hookEvent(args: readonly string[]): string | undefined {
  const [command, event, ...rest] = args;
  return command === "hook" && event !== undefined && !event.startsWith("-") && rest.length === 0
    ? event
    : undefined;
}

/** Runs `lanes` with the given arguments (without "node lanes") and resolves to the exit code. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io: CliIo = options.io ?? {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    terminal: process.stdout.isTTY
      ? () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 })
      : undefined,
  };
  const env = options.env ?? process.env;
  const event = hookEvent(args);
  if (event !== undefined) return (await import("./hook-command.js")).hookCommand(event, io, env);

  const [{ exitReportFor }, { buildProgram, commandOf }, { phaseTrace }] = await Promise.all([
    import("./exit-code.js"),
    import("./program.js"),
    import("./phase-trace.js"),
  ]);
  const trace = phaseTrace(env, io);
  trace("cli loaded");
  // The environment is validated and pino loaded only when a command runs: --help, --version and
  // usage errors need neither.
  const running = commandOf(args) !== undefined;
  let log: Logger | undefined;
  try {
    if (running) (await import("./zod-mode.js")).parseWithoutJit();
    const settings = running ? (await import("./env.js")).readCliEnv(env) : {};
    const logger = running ? await import("../observe/logger.js") : undefined;
    const ctx: CliDeps = {
      io,
      env,
      cwd: options.cwd ?? process.cwd(),
      get log(): Logger {
        if (!logger) throw new Error("lanes: no command is running, so there is no logger");
        return (log ??= logger.createLogger({ level: settings.LANES_LOG_LEVEL ?? "warn" }, env));
      },
      trace,
      exitCode: 0,
    };
    const program = await buildProgram(ctx, args);
    trace("command loaded");
    await program.parseAsync([...args], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    const report = exitReportFor(error);
    if (report.message) io.stderr(`${sanitizeText(report.message)}\n`);
    if (env.LANES_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return report.code;
  }
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await runCli(process.argv.slice(2));
}
