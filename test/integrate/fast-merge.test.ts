import { chmod, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareFastMerge } from "../../src/integrate/fast-merge.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

describe("prepareFastMerge", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  const plan = async (branches: string[]) => {
    const lanes = branches.map((branch, i) => ({ branch, id: String(i + 1) }));
    const planned = await planIntegration((repo as LaneRepo).repo, {
      base: "main",
      lanes,
      date: "2026-01-01",
    });
    const fast = await prepareFastMerge((repo as LaneRepo).repo, planned.baseCommit, planned.order);
    return { fast, lanes: new Map(planned.order.map((l) => [l.branch, l])) };
  };

  it("replays a disjoint lane, and refuses one touching a path (or a path prefix) the head changed", async () => {
    repo = await makeLaneRepo({ "x/one.txt": "1\n", "y.txt": "y\n" });
    await repo.lane("first", { "x/two.txt": "2\n" });
    await repo.lane("same-file", { "x/two.txt": "other\n" });
    await repo.lane("under-file", { "y.txt": "changed\n" });
    await repo.lane("elsewhere", { "z.txt": "z\n" });
    const { fast, lanes } = await plan(["first", "same-file", "under-file", "elsewhere"]);
    const first = lanes.get("first");
    expect(fast.changesFor(first!)).toMatchObject([{ path: "x/two.txt", status: "A", mode: "100644" }]);
    fast.record(first!, fast.changesFor(first!)!);
    expect(fast.changesFor(lanes.get("same-file")!)).toBeUndefined();
    expect(fast.changesFor(lanes.get("elsewhere")!)).toMatchObject([{ path: "z.txt", status: "A" }]);
    fast.record(lanes.get("under-file")!, [
      { path: "z", status: "A", mode: "100644", object: "0".repeat(40) },
    ]);
    // The head now has a file "z": a lane adding "z.txt" is fine, one adding "z/…" collides.
    expect(fast.changesFor(lanes.get("elsewhere")!)).toBeDefined();
  });

  it("refuses a lane forked before the base changed the same path's directory into a file", async () => {
    repo = await makeLaneRepo({ "keep.txt": "k\n" });
    await repo.git("branch", "old");
    await repo.commit("base adds a file a", { a: "file\n" });
    await repo.lane("nested", { "a/b": "nested\n" }, "old");
    await repo.lane("apart", { "c/d": "apart\n" }, "old");
    const { fast, lanes } = await plan(["nested", "apart"]);
    expect(fast.changesFor(lanes.get("nested")!)).toBeUndefined();
    expect(fast.changesFor(lanes.get("apart")!)).toMatchObject([{ path: "c/d", status: "A" }]);
  });

  it("replays deletions and mode changes, and refuses a lane that deletes and adds (a possible rename)", async () => {
    repo = await makeLaneRepo({ "gone.txt": "g\n", "run.sh": "echo\n", "old.txt": "o\n" });
    await repo.git("checkout", "-q", "-b", "cleanup");
    await rm(join(repo.dir, "gone.txt"));
    await chmod(join(repo.dir, "run.sh"), 0o755);
    await repo.commit("cleanup", {});
    await repo.git("checkout", "-q", "main");
    await repo.git("checkout", "-q", "-b", "rename");
    await repo.git("mv", "old.txt", "new.txt");
    await repo.commit("rename", {});
    await repo.git("checkout", "-q", "main");
    const { fast, lanes } = await plan(["cleanup", "rename"]);
    expect(fast.changesFor(lanes.get("cleanup")!)).toEqual([
      { path: "gone.txt", status: "D", mode: "000000", object: "0".repeat(40) },
      expect.objectContaining({ path: "run.sh", status: "M", mode: "100755" }),
    ]);
    expect(fast.changesFor(lanes.get("rename")!)).toBeUndefined();
  });

  it("refuses a lane that shares commits with a lane already merged (stacked lanes)", async () => {
    repo = await makeLaneRepo({ "keep.txt": "k\n" });
    await repo.lane("bottom", { "b.txt": "b\n" });
    await repo.git("checkout", "-q", "-b", "top", "bottom");
    await repo.commit("top", { "t.txt": "t\n" });
    await repo.git("checkout", "-q", "main");
    const { fast, lanes } = await plan(["bottom", "top"]);
    fast.record(lanes.get("bottom")!, fast.changesFor(lanes.get("bottom")!)!);
    expect(fast.changesFor(lanes.get("top")!)).toBeUndefined();
  });
});
