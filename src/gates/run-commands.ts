// Runs validation commands in a worktree: `sh -c` in its own process group, killed (the whole group) on
// timeout. Commands come from `.github/lanes.yml` or from a PRP a maintainer wrote or approved, never
// from comments; they never see the runner's secrets (tokens, keys), which are removed from their env.
import { spawn } from "node:child_process";

export interface CommandResult {
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** Combined stdout and stderr; only the last MAX_OUTPUT bytes are kept. */
  output: string;
}

const MAX_OUTPUT = 256 * 1024;
const KILL_GRACE_MS = 2_000;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Variables a validation command must not see: the GitHub token, the App key, API keys, webhook secrets. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PRIVATE_KEY|API_KEY|CREDENTIAL/i;

/** A URL with a password in it (redis://:pw@host, https://user:pw@host). */
const CREDENTIAL_URL = /:\/\/[^/\s]*:[^@/\s]*@/;

export function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => !SECRET_NAME.test(name) && !CREDENTIAL_URL.test(value ?? ""),
    ),
  );
}

export function runCommand(
  command: string,
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const env = withoutSecrets(options.env ?? process.env);
    const child = spawn("sh", ["-c", command], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let timedOut = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > MAX_OUTPUT * 2) output = output.slice(-MAX_OUTPUT);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, "SIGTERM");
      setTimeout(() => killGroup(child.pid, "SIGKILL"), KILL_GRACE_MS).unref();
    }, options.timeoutMs);
    const finish = (exitCode: number | null, signal: string | null, extra = "") => {
      clearTimeout(timer);
      // Whatever the command left running in its group goes with it.
      killGroup(child.pid, "SIGKILL");
      resolve({
        command,
        exitCode,
        signal,
        timedOut,
        durationMs: performance.now() - started,
        output: (output + extra).slice(-MAX_OUTPUT),
      });
    };
    child.on("error", (error) => finish(null, null, `\n${error.message}`));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Runs the commands one after another; a failure does not stop the rest, so the summary shows them all. */
export async function runCommands(
  commands: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (const command of commands) results.push(await runCommand(command, options));
  return results;
}
