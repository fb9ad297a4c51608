import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/errors.js";
import { openFastImportWriter, quotePath } from "../../src/git/fast-import-writer.js";
import { gitText, runGit, type Git } from "../../src/git/run-git.js";
import { treeChanges } from "../../src/git/tree-changes.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("openFastImportWriter", () => {
  let repo: TestRepo | undefined;
  afterEach(async () => repo?.remove());

  it("writes the very merge commit git commit-tree writes, through one process, and leaves no ref", async () => {
    repo = await makeRepo();
    const base = await repo.commit("base", { "a.txt": "a\n", "dir/b.txt": "b\n" });
    await repo.git("checkout", "-q", "-b", "lane");
    await repo.git("rm", "-q", "dir/b.txt");
    const lane = await repo.commit("lane", { "a.txt": "A\n", 'name with "quotes" and spaces.txt': "q\n" });
    const pinned = { ...gitEnv, GIT_AUTHOR_DATE: "1700000000 +0000", GIT_COMMITTER_DATE: "1700000000 +0000" };
    const changes = await treeChanges({ dir: repo.dir }, base, lane);
    expect(changes.map((c) => c.status).sort()).toEqual(["A", "D", "M"]);

    const writer = await openFastImportWriter({ dir: repo.dir, env: pinned });
    const first = await writer.commit({ parents: [base, lane], message: "Merge lane\n\nbody", changes });
    await writer.flush();
    const second = await writer.commit({ parents: [first.commit, lane], message: "again", changes: [] });
    await writer.close();

    expect(first.tree).toBe(await repo.git("rev-parse", "lane^{tree}"));
    const viaCommitTree = await gitText(
      ["commit-tree", first.tree, "-p", base, "-p", lane, "-m", "Merge lane\n\nbody"],
      { cwd: repo.dir, env: pinned },
    );
    expect(first.commit).toBe(viaCommitTree);
    expect(await repo.git("log", "-1", "--format=%P|%an|%at|%s", second.commit)).toBe(
      `${first.commit} ${lane}|Lanes Test|1700000000|again`,
    );
    expect(await repo.git("for-each-ref", "refs/lanes/")).toBe("");
  });

  it("queues commits without waiting for answers, a later one naming an earlier one by its mark", async () => {
    repo = await makeRepo();
    const base = await repo.commit("base", { "a.txt": "a\n" });
    await repo.git("checkout", "-q", "-b", "lane");
    const lane = await repo.commit("lane", { "b.txt": "b\n" });
    const changes = await treeChanges({ dir: repo.dir }, base, lane);
    const writer = await openFastImportWriter({ dir: repo.dir, env: gitEnv });
    const first = writer.queue({ parents: [base, lane], message: "first", changes });
    const second = writer.queue({ parents: [first.mark, lane], message: "second", changes: [] });
    expect([first.mark, second.mark]).toEqual([":1", ":2"]);
    const [one, two] = await Promise.all([first.written, second.written]);
    await writer.close();
    expect(await repo.git("log", "-1", "--format=%P %s", two.commit)).toBe(`${one.commit} ${lane} second`);
    expect(two.tree).toBe(one.tree);
  });

  it("rejects with a GitError when fast-import refuses a parent", async () => {
    repo = await makeRepo();
    await repo.commit("first", { "a.txt": "a\n" });
    const writer = await openFastImportWriter({ dir: repo.dir, env: gitEnv });
    await expect(
      writer.commit({ parents: ["0123456789012345678901234567890123456789"], message: "bad", changes: [] }),
    ).rejects.toBeInstanceOf(GitError);
    await expect(writer.close()).rejects.toBeInstanceOf(GitError);
  });

  it("reports fast-import's own error from close, not a failure of the scratch-ref cleanup after it", async () => {
    repo = await makeRepo();
    const base = await repo.commit("first", { "a.txt": "a\n" });
    const git: Git = (args, options) =>
      args[0] === "update-ref"
        ? Promise.reject(new GitError(args, 1, "cleanup refused", options.cwd))
        : runGit(args, options);
    const writer = await openFastImportWriter({ dir: repo.dir, env: gitEnv, git });
    await writer.commit({ parents: [base], message: "fine", changes: [] });
    await writer.flush();
    await expect(
      writer.commit({ parents: ["0123456789012345678901234567890123456789"], message: "bad", changes: [] }),
    ).rejects.toBeInstanceOf(GitError);
    const error = await writer.close().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).args[0]).toBe("fast-import");
  });

  it("quotes paths C-style", () => {
    expect(quotePath('a "b"\\c\nd')).toBe('"a \\"b\\"\\\\c\\nd"');
  });
});
