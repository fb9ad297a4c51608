import { afterEach, describe, expect, it } from "vitest";
import { changedFilesFrom } from "../../src/git/changed-files.js";
import { diffChangesFrom } from "../../src/git/diff-changes.js";
import { laneBranchTips } from "../../src/git/lane-branches.js";
import { virtualBase } from "../../src/git/virtual-base.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

let repo: TestRepo | undefined;
afterEach(async () => repo?.remove());

async function branchWith(
  r: TestRepo,
  branch: string,
  from: string,
  files: Record<string, string>,
): Promise<string> {
  await r.git("checkout", "-q", "-b", branch, from);
  return r.commit(`Add ${branch}`, files);
}

describe("virtualBase", () => {
  it("is plain when nothing is contained, or only lanes the base already has", async () => {
    repo = await makeRepo();
    const seed = await repo.commit("Seed", { "a.txt": "a\n" });
    const tip = await branchWith(repo, "lanes/x/1-a", "main", { "b.txt": "b\n" });
    const r = { dir: repo.dir, env: gitEnv };
    expect(await virtualBase(r, "main", tip, [])).toEqual({ kind: "plain" });
    expect(await virtualBase(r, "main", tip, [seed])).toEqual({ kind: "plain" });
  });

  it("merges the base with several independent contained lanes, leaving only the tip's own files", async () => {
    repo = await makeRepo();
    await repo.commit("Seed", { "a.txt": "a\n" });
    const one = await branchWith(repo, "lanes/x/1-one", "main", { "one.txt": "1\n" });
    const two = await branchWith(repo, "lanes/x/2-two", "main", { "two.txt": "2\n" });
    const three = await branchWith(repo, "lanes/x/3-three", "lanes/x/1-one", { "three.txt": "3\n" });
    await repo.git("checkout", "-q", "main");
    await repo.commit("Move main on", { "main.txt": "m\n" });
    await repo.git("checkout", "-q", "-b", "lanes/x/4-four", "main");
    await repo.git("merge", "-q", "--no-edit", "lanes/x/3-three", "lanes/x/2-two");
    const tip = await repo.commit("Add four", { "four.txt": "4\n", "a.txt": "a\nfour\n" });
    const r = { dir: repo.dir, env: gitEnv };
    const start = await virtualBase(r, "main", tip, [one, two, three]);
    expect(start).toMatchObject({ kind: "merged" });
    if (start.kind !== "merged") return;
    expect(start.lanes.sort()).toEqual([two, three].sort());
    expect((await changedFilesFrom(r, start.tree, tip)).sort()).toEqual(["a.txt", "four.txt"]);
    const changes = await diffChangesFrom(repo.dir, start.tree, tip);
    expect(changes.find((c) => c.path === "a.txt")).toMatchObject({
      status: "modified",
      added: [{ line: 2, text: "four" }],
    });
    expect(await repo.git("for-each-ref", "refs/heads/")).not.toContain("virtual");
  });

  it("reports a conflict when a contained lane does not merge onto the base", async () => {
    repo = await makeRepo();
    await repo.commit("Seed", { "a.txt": "a\n" });
    const one = await branchWith(repo, "lanes/x/1-one", "main", { "a.txt": "one\n" });
    await repo.git("checkout", "-q", "main");
    await repo.commit("Change a", { "a.txt": "main\n" });
    await repo.git("checkout", "-q", "-b", "lanes/x/2-two", "main");
    await repo.git("merge", "-q", "--no-edit", "-X", "theirs", "lanes/x/1-one");
    const tip = await repo.commit("Add two", { "two.txt": "2\n" });
    expect(await virtualBase({ dir: repo.dir, env: gitEnv }, "main", tip, [one])).toEqual({
      kind: "conflict",
    });
  });
});

describe("laneBranchTips", () => {
  it("lists local and remote lane tips, filtered by ancestry either way", async () => {
    repo = await makeRepo();
    await repo.commit("Seed", { "a.txt": "a\n" });
    const one = await branchWith(repo, "lanes/x/1-one", "main", { "one.txt": "1\n" });
    const two = await branchWith(repo, "lanes/x/2-two", "lanes/x/1-one", { "two.txt": "2\n" });
    await repo.git("update-ref", "refs/remotes/origin/lanes/x/1-one", one);
    await repo.git("branch", "-q", "other", "main");
    expect(await laneBranchTips(repo.dir)).toEqual([
      { branch: "lanes/x/1-one", commit: one },
      { branch: "lanes/x/2-two", commit: two },
      { branch: "origin/lanes/x/1-one", commit: one },
    ]);
    expect((await laneBranchTips(repo.dir, { merged: one })).map((l) => l.branch)).toEqual([
      "lanes/x/1-one",
      "origin/lanes/x/1-one",
    ]);
    expect((await laneBranchTips(repo.dir, { contains: two })).map((l) => l.branch)).toEqual([
      "lanes/x/2-two",
    ]);
  });
});
