// Validates a commit: checks it out in a temporary detached worktree (never the user's checkout),
// runs the validation commands there in order (through the gates' runner: `sh -c`, timeout, process-group
// kill), stops at the first failure, removes the worktree.
import stripAnsi from "strip-ansi";
import { runCommand } from "../gates/run-commands.js";
import type { GitRepo } from "../git/git-repo.js";
import { withDetachedWorktree } from "../git/worktree.js";

/** One validation command's outcome, as the integration reports it. */
export interface CommandResult {
  command: string;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The last part of stdout and stderr interleaved, without terminal colour, enough to show why it failed. */
  outputTail: string;
}

const TAIL_CHARS = 4_000;

export interface ValidationRun {
  ok: boolean;
  results: CommandResult[];
}

/** Validates one commit; injectable so the bisection can be driven by any check. */
export type Validator = (commit: string) => Promise<ValidationRun>;

export interface WorktreeValidatorOptions {
  timeoutMs?: number;
  tailChars?: number;
  env?: NodeJS.ProcessEnv;
}

export function worktreeValidator(
  repo: GitRepo,
  commands: readonly string[],
  options: WorktreeValidatorOptions = {},
): Validator {
  return (commit) =>
    withDetachedWorktree(repo, commit, async (dir) => {
      const results: CommandResult[] = [];
      for (const command of commands) {
        const timeoutMs = options.timeoutMs ?? 600_000;
        const run = await runCommand(command, { cwd: dir, timeoutMs, env: options.env });
        const output = run.timedOut ? `${run.output}\n[timed out after ${timeoutMs} ms]` : run.output;
        const tailChars = options.tailChars ?? TAIL_CHARS;
        const result = {
          command,
          ok: run.exitCode === 0 && !run.timedOut,
          exitCode: run.exitCode,
          timedOut: run.timedOut,
          outputTail: stripAnsi(output).slice(-tailChars),
        };
        results.push(result);
        if (!result.ok) return { ok: false, results };
      }
      return { ok: true, results };
    });
}
