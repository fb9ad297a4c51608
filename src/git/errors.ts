import { LanesError } from "../errors.js";

/** A git command exited non-zero; keeps the exit code and stderr for the caller to explain. */
export class GitError extends LanesError {
  override name = "GitError";
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly cwd: string,
  ) {
    super(
      `git ${args.join(" ")} failed in ${cwd} (exit ${exitCode ?? "signal"}): ${stderr.trim() || "no output"}`,
      {
        context: { args, exitCode, cwd },
      },
    );
  }
}

/** git is not installed or not on PATH. */
export class GitMissingError extends LanesError {
  override name = "GitMissingError";
  constructor(cause: unknown) {
    super("git was not found on PATH; install it (scripts/bootstrap does) and try again", { cause });
  }
}
