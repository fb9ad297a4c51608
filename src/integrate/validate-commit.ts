// Validates a commit: checks it out in a temporary detached worktree (never the user's checkout),
// runs the validation commands there in order, stops at the first failure, removes the worktree.
import type { GitRepo } from "../git/git-repo.js";
import { withDetachedWorktree } from "../git/worktree.js";
import { runCommand, type CommandResult } from "./run-command.js";

export interface ValidationRun {
  ok: boolean;
  results: CommandResult[];
}

/** Validates one commit; injectable so the bisection can be driven by any check. */
export type Validator = (commit: string) => Promise<ValidationRun>;

export interface WorktreeValidatorOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function worktreeValidator(repo: GitRepo, commands: readonly string[], options: WorktreeValidatorOptions = {}): Validator {
  return (commit) =>
    withDetachedWorktree(repo, commit, async (dir) => {
      const results: CommandResult[] = [];
      for (const command of commands) {
        const result = await runCommand(command, { cwd: dir, timeoutMs: options.timeoutMs ?? 600_000, env: options.env });
        results.push(result);
        if (!result.ok) return { ok: false, results };
      }
      return { ok: true, results };
    });
}
