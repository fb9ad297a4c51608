import { afterEach, describe, expect, it } from "vitest";
import { GitError, gitText, runGit } from "../../src/git/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

describe("runGit", () => {
  let repo: TestRepo | undefined;
  afterEach(async () => repo?.remove());

  it("returns stdout of a successful command", async () => {
    repo = await makeRepo();
    await repo.commit("first", { "a.txt": "a\n" });
    expect(await gitText(["log", "--format=%s"], { cwd: repo.dir })).toBe("first");
  });

  it("throws a GitError naming the command, the directory and git's message", async () => {
    repo = await makeRepo();
    const failure = runGit(["rev-parse", "--verify", "no-such-ref"], { cwd: repo.dir });
    await expect(failure).rejects.toBeInstanceOf(GitError);
    await expect(failure).rejects.toThrow(
      /git rev-parse --verify no-such-ref failed in .*fatal: Needed a single revision/,
    );
  });

  it("treats listed exit codes as answers, not failures", async () => {
    repo = await makeRepo();
    await repo.commit("first", { "a.txt": "a\n" });
    const result = await runGit(["diff", "--quiet", "HEAD"], { cwd: repo.dir, okExitCodes: [1] });
    expect(result.exitCode).toBe(0);
  });

  it("passes issue text as an argument, never through a shell", async () => {
    repo = await makeRepo();
    const hostile = "$(touch pwned) `touch pwned2`; rm -rf /";
    await repo.commit("seed", { "a.txt": "a\n" });
    await runGit(["commit", "--allow-empty", "-q", "-m", hostile], {
      cwd: repo.dir,
      env: {
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@t",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@t",
      },
    });
    expect(await gitText(["log", "-1", "--format=%s"], { cwd: repo.dir })).toBe(hostile);
  });
});
