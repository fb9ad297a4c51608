// What every CLI command receives: its output streams, environment and working directory.
// Commands print through `emit`, so human and --json output come from the same value.
import type { Logger } from "../observe/logger.js";
import type { PhaseTrace } from "./phase-trace.js";
import { escapeJsonControls, sanitizeText } from "../text/sanitize.js";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Present when stdout is a terminal: its size now (live progress views redraw in place only there). */
  terminal?: (() => { columns: number; rows: number }) | undefined;
}

export interface CliDeps {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
  /** Marks a phase of the running command on stderr when LANES_TRACE=1 (a no-op otherwise). */
  trace: PhaseTrace;
  /** Set by a command's action: the process exit code (0 ok, 1 failed check, 2 bad usage). */
  exitCode: number;
}

export interface EmitOptions<T> {
  json: boolean | undefined;
  human: (value: T) => string;
}

/**
 * JSON as `JSON.stringify` writes it, with DEL and the C1 controls (which it leaves raw, and some
 * terminals obey) escaped too: the same value, nothing a terminal acts on.
 */
export function terminalJson(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2));
}

/**
 * Prints one value: as JSON with --json, otherwise through the human renderer. Either way no escape
 * sequence or control character from PRP or agent text reaches the terminal.
 */
export function emit<T>(ctx: CliDeps, value: T, options: EmitOptions<T>): void {
  if (options.json) ctx.io.stdout(`${terminalJson(value)}\n`);
  else {
    const text = sanitizeText(options.human(value));
    if (text.length > 0) ctx.io.stdout(text.endsWith("\n") ? text : `${text}\n`);
  }
}

/** Wraps a command action so that its returned number becomes the exit code. */
export function action<A extends unknown[]>(
  ctx: CliDeps,
  run: (...args: A) => Promise<number> | number,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    ctx.exitCode = await run(...args);
  };
}
