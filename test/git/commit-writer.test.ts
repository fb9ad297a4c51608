import { afterEach, describe, expect, it } from "vitest";
import { openCommitWriter } from "../../src/git/commit-writer.js";
import { GitError } from "../../src/git/errors.js";
import { gitText } from "../../src/git/run-git.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("openCommitWriter", () => {
  let repo: TestRepo | undefined;
  afterEach(async () => repo?.remove());

  it("writes merge commits in order through one process, with the identity git var reports", async () => {
    repo = await makeRepo();
    const first = await repo.commit("first", { "a.txt": "a\n" });
    const second = await repo.commit("second", { "b.txt": "b\n" });
    const tree = await repo.git("rev-parse", "HEAD^{tree}");
    const pinned = { ...gitEnv, GIT_AUTHOR_DATE: "1700000000 +0000", GIT_COMMITTER_DATE: "1700000000 +0000" };
    const writer = await openCommitWriter({ dir: repo.dir, env: pinned });
    const [one, two] = await Promise.all([
      writer.write({ tree, parents: [first, second], message: "Merge one\n\nbody" }),
      writer.write({ tree, parents: [second], message: "two" }),
    ]);
    await writer.close();

    expect(await repo.git("log", "-1", "--format=%P|%an <%ae>|%at|%s|%b", one as string)).toBe(`${first} ${second}|Lanes Test <test@lanes.invalid>|1700000000|Merge one|body`);
    expect(await repo.git("log", "-1", "--format=%P|%s", two as string)).toBe(`${second}|two`);
    expect(await repo.git("cat-file", "-t", one as string)).toBe("commit");
    // The very object git commit-tree writes for the same input, identity and dates.
    const viaCommitTree = await gitText(["commit-tree", tree, "-p", second, "-m", "two"], { cwd: repo.dir, env: pinned });
    expect(two).toBe(viaCommitTree);
  });

  it("rejects with a GitError when git refuses the object", async () => {
    repo = await makeRepo();
    await repo.commit("first", { "a.txt": "a\n" });
    const writer = await openCommitWriter({ dir: repo.dir, env: gitEnv });
    await expect(writer.write({ tree: "not-a-tree", parents: [], message: "bad" })).rejects.toBeInstanceOf(GitError);
    await expect(writer.close()).rejects.toBeInstanceOf(GitError);
  });
});
