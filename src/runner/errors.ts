// Errors of the runner: tmux, worktrees, agents and the supervisor. Messages say what to do next.
import { InvalidInputError, LanesError } from "../errors.js";

/** A tmux command failed; keeps the arguments and stderr for the caller to explain. */
export class TmuxError extends LanesError {
  override name = "TmuxError";
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    options: { cause?: unknown } = {},
  ) {
    super(`tmux ${args.join(" ")} failed: ${stderr.trim() || "no output"}`, {
      cause: options.cause,
      context: { args },
    });
  }
}

/** tmux is not installed or not on PATH. */
export class TmuxMissingError extends LanesError {
  override name = "TmuxMissingError";
  constructor(cause: unknown) {
    super("tmux was not found on PATH; install it (scripts/bootstrap does) and try again", { cause });
  }
}

/** Text was about to be sent to a pane whose program has exited. */
export class PaneDeadError extends LanesError {
  override name = "PaneDeadError";
  constructor(readonly target: string) {
    super(`tmux pane ${target} is dead (its program exited); restart the agent before sending to it`, {
      context: { target },
    });
  }
}

/** The agent program cannot start on this host (e.g. `claude` missing or not logged in). */
export class AgentUnavailableError extends LanesError {
  override name = "AgentUnavailableError";
}

/** A worktree or lane branch could not be prepared. */
export class WorktreeError extends LanesError {
  override name = "WorktreeError";
}

/** The stack (its tmux server or supervisor) is not in the state the command needs. */
export class StackError extends LanesError {
  override name = "StackError";
}

/** `lanes stack up` was given the Actions job's own token, which dies with the job (exit code 1). */
export class JobTokenError extends InvalidInputError {
  override name = "JobTokenError";
}

/** `lanes stack up` found problems before any agent started; each is one line of the message. */
export class PreflightError extends LanesError {
  override name = "PreflightError";
}
