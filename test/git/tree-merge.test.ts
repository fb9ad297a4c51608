// treeMerge: merges two commits in a bare repo without a working tree, or reports the conflicting files.
import { describe, expect, it } from "vitest";
import { treeMerge } from "../../src/git/index.js";
import { makeRepo } from "../support/git.js";

const author = { name: "Merger", email: "merger@lanes.invalid" };

describe("treeMerge", () => {
  it("writes a merge commit with both parents and both changes", async () => {
    const repo = await makeRepo();
    const base = await repo.commit("base", { "a.txt": "a\n" });
    const ours = await repo.commit("ours", { "b.txt": "b\n" });
    await repo.git("checkout", "-q", "-b", "side", base);
    const theirs = await repo.commit("theirs", { "c.txt": "c\n" });
    const result = await treeMerge({ cwd: repo.dir, ours, theirs, message: "merge side", author });
    if (!result.ok) throw new Error("expected a clean merge");
    expect(await repo.git("rev-parse", `${result.sha}^1`, `${result.sha}^2`)).toBe(`${ours}\n${theirs}`);
    expect((await repo.git("ls-tree", "--name-only", result.sha)).split("\n")).toEqual([
      "a.txt",
      "b.txt",
      "c.txt",
    ]);
    expect(await repo.git("log", "-1", "--format=%an %s", result.sha)).toBe("Merger merge side");
    await repo.remove();
  });

  it("reports the conflicting files and writes nothing", async () => {
    const repo = await makeRepo();
    const base = await repo.commit("base", { "a.txt": "a\n" });
    const ours = await repo.commit("ours", { "a.txt": "ours\n" });
    await repo.git("checkout", "-q", "-b", "side", base);
    const theirs = await repo.commit("theirs", { "a.txt": "theirs\n" });
    expect(await treeMerge({ cwd: repo.dir, ours, theirs, message: "m", author })).toEqual({
      ok: false,
      conflicts: ["a.txt"],
    });
    await repo.remove();
  });
});
