import { existsSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listWorktrees } from "../../src/git/worktree.js";
import { WorktreeError } from "../../src/runner/errors.js";
import {
  laneBranch,
  prepareLaneWorktree,
  removeLaneWorktree,
  slugify,
} from "../../src/runner/lane-worktree.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const lane = { role: "developer", issue: 12, title: "Add the /health endpoint!" };

describe("lane worktrees", () => {
  let repo: TestRepo;
  let root: TempDir;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "hello\n" });
    root = await makeTempDir("lanes-wt");
  });
  afterEach(async () => {
    await repo.remove();
    await root.remove();
  });

  it("names branches lanes/<role>/<issue>-<slug>", () => {
    expect(laneBranch(lane)).toBe("lanes/developer/12-add-the-health-endpoint");
    expect(slugify("Ünïcode ### title")).toBe("unicode-title");
    expect(slugify("!!!")).toBe("lane");
  });

  it("continues a handed-off lane on the branch it names, with the previous role's commits", async () => {
    const first = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    await repo.git("-C", first.path, "commit", "-q", "--allow-empty", "-m", "developer work");
    await removeLaneWorktree(repo.dir, first.path);
    const next = await prepareLaneWorktree(
      repo.dir,
      root.path,
      { role: "tester", issue: 12, title: "Add the /health endpoint!", branch: first.branch },
      "main",
    );
    expect(next).toMatchObject({
      branch: "lanes/developer/12-add-the-health-endpoint",
      how: "existing-branch",
    });
    expect(await repo.git("-C", next.path, "log", "-1", "--format=%s")).toBe("developer work");
  });

  it("creates the worktree and branch from the base without touching the user's checkout", async () => {
    await repo.commit("user work", { "wip.txt": "mine\n" });
    const before = await repo.git("status", "--porcelain", "--branch");
    const wt = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    expect(wt.how).toBe("created");
    expect(wt.branch).toBe("lanes/developer/12-add-the-health-endpoint");
    expect(existsSync(join(wt.path, "README.md"))).toBe(true);
    expect(await repo.git("status", "--porcelain", "--branch")).toBe(before);
    expect(await repo.git("rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
  });

  it("reuses the lane's own worktree on a second call (resume)", async () => {
    const first = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    const second = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    expect(second).toEqual({ ...first, how: "reused" });
  });

  it("checks out an existing lane branch instead of recreating it", async () => {
    await repo.git("branch", laneBranch(lane));
    const wt = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    expect(wt.how).toBe("existing-branch");
  });

  it("uses a suffixed branch from the same tip when the branch is checked out in the user's checkout", async () => {
    await repo.git("checkout", "-q", "-b", laneBranch(lane));
    const tip = await repo.git("rev-parse", "HEAD");
    const wt = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    expect(wt.how).toBe("suffixed");
    expect(wt.branch).toBe(`${laneBranch(lane)}-2`);
    expect(await repo.git("rev-parse", wt.branch)).toBe(tip);
  });

  it("removes a lane worktree but refuses to remove the repository's own checkout", async () => {
    const wt = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    await removeLaneWorktree(repo.dir, wt.path);
    expect(existsSync(wt.path)).toBe(false);
    const paths = (await listWorktrees(repo.dir)).map((t) => t.path);
    expect(paths).toEqual([await realpath(repo.dir)]);
    await expect(removeLaneWorktree(repo.dir, repo.dir)).rejects.toBeInstanceOf(WorktreeError);
    expect(existsSync(join(repo.dir, "README.md"))).toBe(true);
  });

  it("recovers when a lane worktree directory was deleted behind git's back", async () => {
    const wt = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    await root.remove();
    const again = await prepareLaneWorktree(repo.dir, root.path, lane, "main");
    expect(again.how).toBe("existing-branch");
    expect(existsSync(join(again.path, "README.md"))).toBe(true);
    expect(again.path).toBe(wt.path);
  });
});
