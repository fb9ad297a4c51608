// Writes commit objects through one long-running `git hash-object -w -t commit --stdin-paths`, so a
// run of N merge commits costs one git process instead of N `git commit-tree`s. Writes objects only:
// never a ref, the index or a working tree. Identities come from `git var`, as commit-tree's would.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GitError } from "./errors.js";
import { gitIn, type GitRepo } from "./git-repo.js";

export interface CommitInput {
  tree: string;
  parents: readonly string[];
  message: string;
}

export interface CommitWriter {
  /** Writes the commit object and returns its id. Calls are answered in order. */
  write(input: CommitInput): Promise<string>;
  close(): Promise<void>;
}

const ARGS = ["hash-object", "-w", "-t", "commit", "--stdin-paths"] as const;

export async function openCommitWriter(repo: GitRepo): Promise<CommitWriter> {
  const ident = async (name: string) => (await gitIn(repo, ["var", name])).stdout.trim();
  const [author, committer] = await Promise.all([ident("GIT_AUTHOR_IDENT"), ident("GIT_COMMITTER_IDENT")]);
  const scratch = await mkdtemp(join(tmpdir(), "lanes-commits-"));
  const child = spawn("git", [...ARGS], {
    cwd: repo.dir,
    env: { ...process.env, ...repo.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const pending: { resolve: (id: string) => void; reject: (error: Error) => void }[] = [];
  let stderr = "";
  let buffered = "";
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of pending.splice(0)) waiter.reject(failure);
  };
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const id = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      pending.shift()?.resolve(id);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.on("error", () => undefined);
  child.on("error", (error) => fail(error));
  const closed = new Promise<void>((resolve) =>
    child.on("close", (code) => {
      if (code !== 0 || pending.length > 0) fail(new GitError(ARGS, code, stderr, repo.dir));
      resolve();
    }),
  );

  let count = 0;
  return {
    async write({ tree, parents, message }) {
      if (failure) throw failure;
      const body = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${author}`, `committer ${committer}`, "", message].join("\n");
      const file = join(scratch, `commit-${(count += 1)}`);
      await writeFile(file, body.endsWith("\n") ? body : `${body}\n`);
      return new Promise<string>((resolve, reject) => {
        pending.push({ resolve, reject });
        child.stdin.write(`${file}\n`);
      });
    },
    async close() {
      child.stdin.end();
      await closed;
      await rm(scratch, { recursive: true, force: true });
      if (failure) throw failure;
    },
  };
}
