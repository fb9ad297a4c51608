// The one git runner: every git command in Lanes is spawned here (argument arrays, never a shell).
import { spawn } from "node:child_process";
import { GitError, GitMissingError } from "./errors.js";

export interface GitRunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Written to git's stdin. */
  input?: string;
  /** Exit codes that are answers rather than failures (e.g. 1 for `merge-tree` conflicts). */
  okExitCodes?: readonly number[];
  timeoutMs?: number;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type Git = (args: readonly string[], options: GitRunOptions) => Promise<GitResult>;

/** Environment that keeps git from prompting (credentials, editors) in a non-interactive process. */
const NON_INTERACTIVE: NodeJS.ProcessEnv = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_EDITOR: "true",
  GIT_PAGER: "cat",
  LC_ALL: "C",
};

export const runGit: Git = (args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn("git", [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, ...NON_INTERACTIVE },
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new GitMissingError(error) : error);
    });
    child.on("close", (code) => {
      const result = {
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        exitCode: code ?? -1,
      };
      if (code === 0 || (code !== null && options.okExitCodes?.includes(code))) resolve(result);
      else reject(new GitError(args, code, result.stderr, options.cwd));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });

/** Runs git and returns trimmed stdout. */
export async function gitText(args: readonly string[], options: GitRunOptions): Promise<string> {
  return (await runGit(args, options)).stdout.trim();
}
