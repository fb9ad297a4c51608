import { afterEach, describe, expect, it } from "vitest";
import { mergeBase, resolveCommit, resolveCommits } from "../../src/git/refs.js";
import { runGit, type Git } from "../../src/git/run-git.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("refs", () => {
  let repo: TestRepo | undefined;
  afterEach(async () => repo?.remove());

  it("resolves many refs in one call, mapping those that name no commit to undefined", async () => {
    repo = await makeRepo();
    const first = await repo.commit("first", { "a.txt": "a\n" });
    await repo.git("tag", "-a", "-m", "annotated", "v1");
    const resolved = await resolveCommits({ dir: repo.dir, env: gitEnv }, [
      "main",
      "v1",
      "gone",
      "main:a.txt",
      "has space",
    ]);
    expect(Object.fromEntries(resolved)).toEqual({
      main: first,
      v1: first,
      gone: undefined,
      "main:a.txt": undefined,
      "has space": undefined,
    });
  });

  it("takes refs the caller already resolved from its map and asks git only for the rest", async () => {
    repo = await makeRepo();
    const first = await repo.commit("first", { "a.txt": "a\n" });
    const asked: string[] = [];
    const git: Git = (args, options) => {
      asked.push(options.input ?? "");
      return runGit(args, options);
    };
    const known = new Map([["elsewhere", "0123456789abcdef0123456789abcdef01234567"]]);
    const resolved = await resolveCommits({ dir: repo.dir, env: gitEnv, git }, ["elsewhere", "main"], known);
    expect(Object.fromEntries(resolved)).toEqual({ elsewhere: known.get("elsewhere"), main: first });
    expect(asked).toEqual(["main^{commit}\n"]);
    asked.length = 0;
    await resolveCommits({ dir: repo.dir, env: gitEnv, git }, ["elsewhere"], known);
    expect(asked).toEqual([]);
  });

  it("resolves one ref, and finds no merge base between unrelated roots", async () => {
    repo = await makeRepo();
    const first = await repo.commit("first", { "a.txt": "a\n" });
    const r = { dir: repo.dir, env: gitEnv };
    expect(await resolveCommit(r, "main")).toBe(first);
    expect(await resolveCommit(r, "nope")).toBeUndefined();
    await repo.git("checkout", "-q", "--orphan", "other");
    const other = await repo.commit("root", { "b.txt": "b\n" });
    expect(await mergeBase(r, first, other)).toBeUndefined();
    expect(await mergeBase(r, first, first)).toBe(first);
  });
});
