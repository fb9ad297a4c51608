#!/usr/bin/env node
// The `lanes` entry point: runs the CLI with the process's streams and sets the exit code.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createLogger } from "../observe/logger.js";
import type { CliDeps, CliIo } from "./cli-deps.js";
import { readCliEnv } from "./env.js";
import { exitReportFor } from "./exit-code.js";
import { buildProgram } from "./program.js";

export interface RunCliOptions {
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `lanes` with the given arguments (without "node lanes") and resolves to the exit code. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io: CliIo = options.io ?? {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  const env = options.env ?? process.env;
  try {
    // read first, inside the error handling: a bad setting is one line on stderr, not a logger's stack trace
    const settings = readCliEnv(env);
    const ctx: CliDeps = {
      io,
      env,
      cwd: options.cwd ?? process.cwd(),
      log: createLogger({ level: settings.LANES_LOG_LEVEL ?? "warn" }, env),
      exitCode: 0,
    };
    await buildProgram(ctx).parseAsync([...args], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    const report = exitReportFor(error);
    if (report.message) io.stderr(`${report.message}\n`);
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
