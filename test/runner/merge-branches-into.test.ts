import { afterEach, describe, expect, it } from "vitest";
import { mergeBranchesInto } from "../../src/runner/lane-commit.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("mergeBranchesInto (stacked lanes)", () => {
  let repo: TestRepo;
  afterEach(() => repo.remove());

  async function branch(name: string, files: Record<string, string>): Promise<void> {
    await repo.git("checkout", "-q", "-b", name, "main");
    await repo.commit(`work on ${name}`, files);
    await repo.git("checkout", "-q", "main");
  }

  it("merges finished dependency lanes into the lane, so it builds on their files", async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "x\n" });
    await branch("lanes/developer/1-a", { "a.js": "a\n" });
    await branch("lanes/developer/2-b", { "b.js": "b\n" });
    await repo.git("checkout", "-q", "-b", "lanes/developer/3-c", "main");
    expect(await mergeBranchesInto(repo.dir, ["lanes/developer/1-a", "lanes/developer/2-b"], gitEnv)).toEqual(
      { ok: true },
    );
    expect((await repo.git("ls-files")).split("\n").sort()).toEqual(["README.md", "a.js", "b.js"]);
  });

  it("reports a conflict with its files and leaves the worktree as it was", async () => {
    repo = await makeRepo();
    await repo.commit("init", { "shared.txt": "base\n" });
    await branch("lanes/developer/1-a", { "shared.txt": "from a\n" });
    await repo.git("checkout", "-q", "-b", "lanes/developer/2-b", "main");
    await repo.commit("b edits too", { "shared.txt": "from b\n" });
    const head = await repo.git("rev-parse", "HEAD");
    expect(await mergeBranchesInto(repo.dir, ["lanes/developer/1-a"], gitEnv)).toEqual({
      ok: false,
      conflicts: ["shared.txt"],
    });
    expect(await repo.git("rev-parse", "HEAD")).toBe(head);
    expect(await repo.git("status", "--porcelain")).toBe("");
  });

  it("does nothing without dependencies", async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "x\n" });
    expect(await mergeBranchesInto(repo.dir, [], gitEnv)).toEqual({ ok: true });
  });
});
