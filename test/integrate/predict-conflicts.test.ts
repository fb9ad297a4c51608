import { afterEach, describe, expect, it } from "vitest";
import { parseMergeTree } from "../../src/git/merge-tree.js";
import { confirmConflicts, overlapMatrix } from "../../src/integrate/predict-conflicts.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

describe("overlapMatrix", () => {
  it("lists each pair of lanes sharing files, in lane order, with the shared files", () => {
    const pairs = overlapMatrix([
      { branch: "a", commit: "1", files: ["x", "y"] },
      { branch: "b", commit: "2", files: ["z"] },
      { branch: "c", commit: "3", files: ["y", "x", "z"] },
    ]);
    expect(pairs).toEqual([
      { a: "a", b: "c", files: ["x", "y"] },
      { a: "b", b: "c", files: ["z"] },
    ]);
  });

  it("is empty when the lanes touch disjoint files", () => {
    expect(
      overlapMatrix([
        { branch: "a", commit: "1", files: ["x"] },
        { branch: "b", commit: "2", files: ["y"] },
      ]),
    ).toEqual([]);
  });
});

describe("parseMergeTree", () => {
  it("reads the tree, the conflicted files once each, and the messages", () => {
    const out =
      "tree123\0a.txt\0a.txt\0b.txt\0\0" +
      "1\0a.txt\0Auto-merging\0Auto-merging a.txt\n\0" +
      "1\0a.txt\0CONFLICT (contents)\0CONFLICT (content): Merge conflict in a.txt\n\0";
    expect(parseMergeTree(out, 1)).toEqual({
      kind: "conflict",
      tree: "tree123",
      files: ["a.txt", "b.txt"],
      messages: [
        { paths: ["a.txt"], type: "Auto-merging", message: "Auto-merging a.txt" },
        {
          paths: ["a.txt"],
          type: "CONFLICT (contents)",
          message: "CONFLICT (content): Merge conflict in a.txt",
        },
      ],
    });
  });

  it("reads a clean merge as just the tree", () => {
    expect(parseMergeTree("tree456\0", 0)).toEqual({ kind: "clean", tree: "tree456" });
  });
});

describe("confirmConflicts", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  it("keeps only overlapping pairs whose dry merge really conflicts", async () => {
    repo = await makeLaneRepo({ "shared.txt": "1\n2\n3\n4\n5\n6\n7\n8\n", "other.txt": "o\n" });
    const lanes = [
      {
        branch: "top",
        commit: await repo.lane("top", { "shared.txt": "ONE\n2\n3\n4\n5\n6\n7\n8\n" }),
        files: ["shared.txt"],
      },
      {
        branch: "bottom",
        commit: await repo.lane("bottom", { "shared.txt": "1\n2\n3\n4\n5\n6\n7\nEIGHT\n" }),
        files: ["shared.txt"],
      },
      {
        branch: "clash",
        commit: await repo.lane("clash", { "shared.txt": "uno\n2\n3\n4\n5\n6\n7\n8\n" }),
        files: ["shared.txt"],
      },
    ];
    const overlaps = overlapMatrix(lanes);
    expect(overlaps).toHaveLength(3);
    expect(await confirmConflicts(repo.repo, lanes, overlaps)).toEqual([
      { a: "top", b: "clash", files: ["shared.txt"] },
    ]);
  });
});
