// `lanes gate --branch B` judges B's tree, whatever is checked out: from the main checkout it gates B in a
// temporary worktree; a branch that names no commit is refused with exit 2.
import { afterEach, describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";

let repo: TestRepo | undefined;
afterEach(async () => repo?.remove());

describe("lanes gate --branch", () => {
  it("gates the branch's tree from another checkout, and leaves no worktree behind", async () => {
    repo = await makeRepo();
    await repo.commit("Seed the project", { "README.md": "# x\n" });
    await repo.git("checkout", "-q", "-b", "lanes/developer/7-stub");
    await repo.commit("Add a stub", {
      "src/a.ts": 'export function a(): number {\n  throw new Error("not implemented");\n}\n',
    });
    await repo.git("checkout", "-q", "main");

    const result = await lanes([
      "gate",
      "placeholders",
      "--dir",
      repo.dir,
      "--branch",
      "lanes/developer/7-stub",
      "--json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ conclusion: "failure", title: "1 placeholder found" });
    expect(await repo.git("rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
    expect((await repo.git("worktree", "list")).split("\n")).toHaveLength(1);
  });

  it("refuses with exit 2 when the branch names no commit", async () => {
    repo = await makeRepo();
    await repo.commit("Seed the project", { "README.md": "# x\n" });
    const result = await lanes(["gate", "--all", "--dir", repo.dir, "--branch", "lanes/developer/9-gone"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cannot gate --branch lanes/developer/9-gone: "lanes/developer/9-gone" names no commit',
    );
  });
});
