import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshLaneBranch, refreshNote } from "../../src/runner/lane-refresh.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

const LANE = "lanes/developer/7-feature";

describe("refreshLaneBranch (a retried lane's old branch meets the current base)", () => {
  let repo: TestRepo;
  let remote: TestRepo;

  beforeEach(async () => {
    repo = await makeRepo();
    remote = await makeRepo({ bare: true });
    await repo.git("remote", "add", "origin", remote.dir);
    await repo.commit("init", { "README.md": "x\n", "shared.txt": "base\n" });
    await repo.git("checkout", "-q", "-b", LANE);
    await repo.commit("lane work", { "feature.txt": "feature\n" });
    await repo.git("checkout", "-q", "main");
    await repo.commit("base moved on", { "other.txt": "other\n" });
    await repo.git("checkout", "-q", LANE);
  });
  afterEach(async () => {
    await repo.remove();
    await remote.remove();
  });

  it("rebases a branch that was never pushed onto the base", async () => {
    const result = await refreshLaneBranch(repo.dir, "main", gitEnv);
    expect(result).toEqual({ how: "rebased", behind: 1 });
    expect(await repo.git("log", "--format=%s", "main..HEAD")).toBe("lane work");
    expect(await repo.git("rev-parse", "HEAD~1")).toBe(await repo.git("rev-parse", "main"));
    expect(refreshNote(result, "main")).toBe("the branch was 1 commit(s) behind main: rebased onto it");
  });

  it("merges the base into a branch that was pushed, so the next push is not forced", async () => {
    await repo.git("push", "-q", "origin", LANE);
    const pushed = await repo.git("rev-parse", "HEAD");
    expect(await refreshLaneBranch(repo.dir, "main", gitEnv)).toEqual({ how: "merged", behind: 1 });
    await repo.git("merge-base", "--is-ancestor", pushed, "HEAD");
    await repo.git("merge-base", "--is-ancestor", "main", "HEAD");
  });

  it("leaves a branch that conflicts with the base as it was, and reports it stale", async () => {
    await repo.commit("lane edits shared", { "shared.txt": "lane\n" });
    await repo.git("checkout", "-q", "main");
    await repo.commit("base edits shared", { "shared.txt": "main\n" });
    await repo.git("checkout", "-q", LANE);
    const before = await repo.git("rev-parse", "HEAD");
    const result = await refreshLaneBranch(repo.dir, "main", gitEnv);
    expect(result).toEqual({ how: "stale", behind: 2, conflicts: ["shared.txt"] });
    expect(await repo.git("rev-parse", "HEAD")).toBe(before);
    expect(await repo.git("status", "--porcelain")).toBe("");
    expect(refreshNote(result, "main")).toContain(
      "stale: the branch is 2 commit(s) behind main and conflicts with it in shared.txt",
    );
  });

  it("does nothing to a branch already on the base", async () => {
    await repo.git("checkout", "-q", "-B", LANE, "main");
    expect(await refreshLaneBranch(repo.dir, "main", gitEnv)).toEqual({ how: "current" });
  });
});
