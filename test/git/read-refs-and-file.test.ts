import { afterEach, describe, expect, it } from "vitest";
import { readRefsAndFile } from "../../src/git/read-refs-and-file.js";
import { GitError } from "../../src/git/errors.js";
import { runGit, type Git } from "../../src/git/run-git.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("readRefsAndFile", () => {
  let repo: TestRepo | undefined;
  afterEach(async () => repo?.remove());

  /** A runner that counts the git processes it starts. */
  const counting = () => {
    const calls: string[][] = [];
    const git: Git = (args, options) => {
      calls.push([...args]);
      return runGit(args, options);
    };
    return { git, calls };
  };

  it("answers many refs and one file's text with one git process", async () => {
    repo = await makeRepo();
    // non-ASCII text and a last line with no newline: the text comes back byte for byte
    const text = "# Lanes — settings … ✓\nversion: 1";
    const first = await repo.commit("first", { ".github/lanes.yml": text, "dir/a.txt": "a\n" });
    await repo.git("tag", "-a", "-m", "annotated", "v1");
    const { git, calls } = counting();
    const read = await readRefsAndFile(
      { dir: repo.dir, env: gitEnv, git },
      ["main", "v1", "gone", "has space", "main:dir/a.txt", "main"],
      "main:.github/lanes.yml",
    );

    expect(Object.fromEntries(read.commits)).toEqual({
      main: first,
      v1: first,
      gone: undefined,
      "has space": undefined,
      "main:dir/a.txt": undefined,
    });
    expect(read.file).toBe(text);
    expect(calls).toHaveLength(1);
  });

  it("says there is no file when the path is missing or names a directory", async () => {
    repo = await makeRepo();
    await repo.commit("first", { "dir/a.txt": "a\n" });
    const at = { dir: repo.dir, env: gitEnv };
    expect((await readRefsAndFile(at, ["main"], "main:.github/lanes.yml")).file).toBeUndefined();
    expect((await readRefsAndFile(at, [], "main:dir")).file).toBeUndefined();
    expect((await readRefsAndFile(at, [], "nobranch:dir/a.txt")).file).toBeUndefined();
    expect((await readRefsAndFile(at, [], "main:dir/a.txt")).file).toBe("a\n");
  });

  it("falls back to a batch-check and a blob read on a git without --batch-command (before 2.36)", async () => {
    repo = await makeRepo();
    const first = await repo.commit("first", { ".github/lanes.yml": "version: 1\n" });
    const calls: string[][] = [];
    // what git 2.34 answers: a usage error, exit 129
    const oldGit: Git = (args, options) => {
      calls.push([...args]);
      if (args.some((a) => a.startsWith("--batch-command")))
        return Promise.reject(new GitError(args, 129, "error: unknown option `batch-command'", options.cwd));
      return runGit(args, options);
    };
    const read = await readRefsAndFile(
      { dir: repo.dir, env: gitEnv, git: oldGit },
      ["main", "gone"],
      "main:.github/lanes.yml",
    );
    expect(Object.fromEntries(read.commits)).toEqual({ main: first, gone: undefined });
    expect(read.file).toBe("version: 1\n");
    expect(calls.map((c) => c[1])).toEqual([
      "--batch-command=%(objectname) %(objecttype)",
      "--batch-check=%(objectname) %(objecttype)",
      "blob",
    ]);
  });
});
