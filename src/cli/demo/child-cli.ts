// Runs the `lanes` CLI as a child process, as a user, a workflow or the Action would: the demo drives
// the real commands rather than calling their internals.
import { spawn } from "node:child_process";
import { lanesCommand } from "../../runner/lanes-command.js";
import { DemoStepError } from "./errors.js";

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runLanesChild(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<ChildResult> {
  return runChild([...lanesCommand(), ...args], options);
}

/** Runs argv to completion with no stdin, collecting its output. */
export function runChild(
  argv: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<ChildResult> {
  const [cmd, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd as string, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Parses a child's --json output, or explains what it printed instead. */
export function childJson<T>(what: string, result: ChildResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new DemoStepError(
      `${what} printed no JSON (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-800)}`,
    );
  }
}
