// Writes merge commits through ONE long-running `git fast-import`: each commit is its first parent's tree
// with file changes (mode + object, or deletion) replayed on top, so a run of N merge commits costs one git
// process however many there are. fast-import needs a branch to commit on: it uses a scratch ref under
// refs/lanes/tmp/ and deletes it on close, so no ref is left behind. A commit whose tree is already known (a
// merge-tree result) is written as a loose object instead, so merge-tree can read it without a checkpoint.
// Author and committer are the idents `git var` reports (dates included), as `git commit-tree` writes them.
// Nothing waits that need not: fast-import starts while `git var` runs, the object directory is looked up
// only for the first loose commit, and the pack fast-import writes is kept as it is (fastimport.unpackLimit=0:
// no `git unpack-objects` process to explode a small pack into loose files, as git fetch's own packs are kept).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { GitError } from "./errors.js";
import { gitIn, type GitRepo } from "./git-repo.js";
import { commitContent, openLooseObjects, type LooseObjects } from "./loose-objects.js";
import type { TreeChange } from "./tree-changes.js";

export interface FastCommitInput {
  /** The first parent, whose tree the changes are applied to, then the other parents (ids or queued marks). */
  parents: readonly [string, ...string[]];
  message: string;
  changes: readonly TreeChange[];
}

export interface PendingCommit {
  /** Names the commit as a parent of later commits before fast-import has answered (a mark, `:<n>`). */
  mark: string;
  /** Its id and tree, once fast-import has written it. */
  written: Promise<{ commit: string; tree: string }>;
}

export interface FastImportWriter {
  /** Sends the commit without waiting for the answer, so a run of commits costs one round trip. */
  queue(input: FastCommitInput): PendingCommit;
  /** Writes the commit; resolves to its id and its tree. Calls are answered in order. */
  commit(input: FastCommitInput): Promise<{ commit: string; tree: string }>;
  /** Writes a commit of a tree already in the object database; readable by other processes at once. */
  commitTree(input: { tree: string; parents: readonly string[]; message: string }): Promise<string>;
  /** Makes every object written so far readable by other git processes (nothing to do when none is pending). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Quotes a path C-style, as fast-import reads it (always quoted, so spaces, quotes and newlines are safe). */
export function quotePath(path: string): string {
  let quoted = "";
  for (const c of path) {
    const code = c.charCodeAt(0);
    if (c === "\\" || c === '"') quoted += `\\${c}`;
    else if (c === "\n") quoted += "\\n";
    else if (code < 0x20 || code === 0x7f) quoted += `\\${code.toString(8).padStart(3, "0")}`;
    else quoted += c;
  }
  return `"${quoted}"`;
}

/** `GIT_AUTHOR_IDENT` and `GIT_COMMITTER_IDENT` ("Name <email> seconds tz") from one `git var -l`. */
export async function commitIdents(repo: GitRepo): Promise<{ author: string; committer: string }> {
  const { stdout } = await gitIn(repo, ["var", "-l"]);
  const value = (name: string) =>
    stdout
      .split("\n")
      .find((l) => l.startsWith(`${name}=`))
      ?.slice(name.length + 1);
  const author = value("GIT_AUTHOR_IDENT");
  const committer = value("GIT_COMMITTER_IDENT");
  if (!author || !committer)
    throw new GitError(["var", "-l"], 0, "no GIT_AUTHOR_IDENT/GIT_COMMITTER_IDENT in the output", repo.dir);
  return { author, committer };
}

export async function openFastImportWriter(repo: GitRepo): Promise<FastImportWriter> {
  const idents = commitIdents(repo);
  // Awaited by the first commit; a failure before then must not go unhandled.
  idents.catch(() => undefined);
  let loose: Promise<LooseObjects> | undefined;
  const args = ["fast-import", "--quiet", "--done", "--date-format=raw", "--cat-blob-fd=1"];
  const child = spawn("git", ["-c", "fastimport.unpackLimit=0", ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...repo.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const ref = `refs/lanes/tmp/fast-import-${randomUUID()}`;
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let stderr = "";
  let buffered = "";
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.resolve(line);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.on("error", () => undefined);
  child.on("error", (error) => fail(error));
  const closed = new Promise<void>((resolve) =>
    child.on("close", (code) => {
      if (code !== 0 || waiting.length > 0) fail(new GitError(args, code, stderr, repo.dir));
      resolve();
    }),
  );
  const send = (text: string, answers: number): Promise<string[]> => {
    if (failure) return Promise.reject(failure);
    const lines = Array.from(
      { length: answers },
      () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject })),
    );
    child.stdin.write(text);
    return Promise.all(lines);
  };

  let mark = 0;
  let flushed = false;
  let pending = false;
  // Commits this process wrote are named by mark: fast-import does not look its own objects up by id.
  const marks = new Map<string, string>();
  const commitish = (id: string) => marks.get(id) ?? id;
  // The last queued commit: a checkpoint or the end of the stream is written after it.
  let queued: Promise<unknown> = Promise.resolve();
  const queue = ({ parents, message, changes }: FastCommitInput): PendingCommit => {
    mark += 1;
    const own = `:${mark}`;
    const written = idents.then(async ({ author, committer }) => {
      const [first, ...others] = parents;
      const body = message.endsWith("\n") ? message : `${message}\n`;
      const lines = [
        `commit ${ref}`,
        `mark ${own}`,
        `author ${author}`,
        `committer ${committer}`,
        `data ${Buffer.byteLength(body)}`,
        `${body}from ${commitish(first)}`,
        ...others.map((p) => `merge ${commitish(p)}`),
        ...changes.map((c) =>
          c.status === "D" ? `D ${quotePath(c.path)}` : `M ${c.mode} ${c.object} ${quotePath(c.path)}`,
        ),
        "",
        `get-mark ${own}`,
        `ls ${own} ""`,
        "",
      ];
      const [commit, listing] = await send(lines.join("\n"), 2);
      const tree = /^040000 tree ([0-9a-f]+)\t/.exec(listing ?? "")?.[1];
      if (!commit || !tree)
        throw new GitError(args, null, `unexpected fast-import answer "${commit}" / "${listing}"`, repo.dir);
      marks.set(commit, own);
      pending = true;
      return { commit, tree };
    });
    // The caller awaits `written`; until it does, a failure must not count as unhandled.
    written.catch(() => undefined);
    queued = written.catch(() => undefined);
    return { mark: own, written };
  };
  return {
    queue,
    commit: (input) => queue(input).written,
    async commitTree({ tree, parents, message }) {
      const [{ author, committer }, objects] = await Promise.all([
        idents,
        (loose ??= openLooseObjects(repo)),
      ]);
      return objects.write("commit", commitContent({ tree, parents, author, committer, message }));
    },
    async flush() {
      await queued;
      if (!pending) return;
      pending = false;
      flushed = true;
      // The answer to a query sent after the checkpoint arrives once the checkpoint is done.
      await send(`checkpoint\nls :${mark} ""\n`, 1);
    },
    async close() {
      await queued;
      if (!failure) child.stdin.end(`reset ${ref}\n\ndone\n`);
      else child.stdin.end();
      await closed;
      // A checkpoint wrote the scratch ref to disk, and git 2.39's `reset` does not delete it.
      const cleanup = flushed ? gitIn(repo, ["update-ref", "-d", ref]) : Promise.resolve();
      if (failure) {
        // fast-import's own failure is the one to report; the cleanup is still attempted.
        await cleanup.catch(() => undefined);
        throw failure;
      }
      await cleanup;
    },
  };
}
