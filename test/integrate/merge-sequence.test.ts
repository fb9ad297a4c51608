import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/errors.js";
import { runGit, type Git } from "../../src/git/run-git.js";
import { mergeSequence } from "../../src/integrate/merge-sequence.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

/** The command lines of this process's live `git fast-import` children. */
function fastImportChildren(): string[] {
  const out = execFileSync("ps", ["-o", "args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes("fast-import"));
}

describe("mergeSequence", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  it("rejects with the git error when preparing fails, and leaves no fast-import process or scratch ref", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("one", { "b.txt": "b\n" });
    const planned = await planIntegration(repo.repo, {
      base: "main",
      lanes: [{ branch: "one", id: "1" }],
      date: "2026-01-01",
    });
    // A lane whose changes are not in the plan and whose commit is missing: preparing it runs a diff-tree that fails.
    const broken = planned.order.map((l) => ({
      ...l,
      commit: "0123456789012345678901234567890123456789",
      changes: undefined,
    }));
    // The failing call waits until the fast-import writer (if it was started alongside) has spawned its process.
    let writerStarted: Promise<unknown> | undefined;
    const git: Git = async (args, options) => {
      if (args[0] === "var") return (writerStarted = runGit(args, options));
      if (args[0] === "diff-tree" && writerStarted)
        await writerStarted.then(() => new Promise((r) => setImmediate(r)));
      return runGit(args, options);
    };
    const input = {
      base: "main",
      baseCommit: planned.baseCommit,
      branch: planned.branch,
      lanes: broken,
      merged: [],
    };
    await expect(mergeSequence({ ...repo.repo, git }, input)).rejects.toBeInstanceOf(GitError);
    expect(fastImportChildren()).toEqual([]);
    expect(await repo.git("for-each-ref", "refs/lanes/")).toBe("");
  });

  it("reports the merge's own error, not a failure of closing the writer after it", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("apart", { "b.txt": "b\n" });
    await repo.lane("same", { "b.txt": "other\n" });
    const lanes = [
      { branch: "apart", id: "1" },
      { branch: "same", id: "2" },
    ];
    const planned = await planIntegration(repo.repo, { base: "main", lanes, date: "2026-01-01" });
    // "apart" is replayed, so "same" flushes the writer (leaving a scratch ref to delete) before its merge-tree.
    const refuse = new Set(["merge-tree", "update-ref"]);
    const git: Git = (args, options) =>
      refuse.has(args[0] ?? "")
        ? Promise.reject(new GitError(args, 128, "refused by the test", options.cwd))
        : runGit(args, options);
    const input = {
      base: "main",
      baseCommit: planned.baseCommit,
      branch: planned.branch,
      lanes: planned.order,
      merged: [],
    };
    const error = await mergeSequence({ ...repo.repo, git }, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).args[0]).toBe("merge-tree");
    expect(fastImportChildren()).toEqual([]);
  });
});
