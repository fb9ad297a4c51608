// Runs one validation command in a directory with a timeout. Commands come only from config or PRP
// validation sections (trusted repository content, like a CI file), so they run through `sh -c`;
// issue and comment text never reaches this function.
import { spawn } from "node:child_process";
import { ValidationSpawnError } from "./errors.js";

export interface CommandResult {
  command: string;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The last part of stdout and stderr interleaved, enough to show why it failed. */
  outputTail: string;
}

export interface CommandOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  tailChars?: number;
}

export function runCommand(command: string, options: CommandOptions): Promise<CommandResult> {
  const tailChars = options.tailChars ?? 4_000;
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills the command's children too.
    const child = spawn("sh", ["-c", command], { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-tailChars);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new ValidationSpawnError(`could not start validation command "${command}" in ${options.cwd}: ${error.message}`, { cause: error }));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = timedOut ? `${output}\n[timed out after ${options.timeoutMs} ms]` : output;
      resolve({ command, ok: code === 0 && !timedOut, exitCode: code, timedOut, outputTail: tail.slice(-tailChars) });
    });
  });
}
