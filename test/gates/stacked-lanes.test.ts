// Stacked lanes on real repositories: a lane that starts on its dependencies' merged branches is judged
// by its own work, and only real, unrelated lanes count as overlapping.
import { afterEach, describe, expect, it } from "vitest";
import { collectInput } from "../../src/gates/collect-input.js";
import { commitsGate } from "../../src/gates/gate-commits.js";
import { laneGate } from "../../src/gates/gate-lane.js";
import { defaultGateConfig } from "../../src/gates/gate-config.js";
import type { GateInput } from "../../src/gates/types.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { samplePrp } from "./lane-repo.js";

const L1 = "lanes/developer/1-task-model";
const L2 = "lanes/developer/2-board-store";
const L3 = "lanes/developer/3-board-view";
const L4 = "lanes/developer/4-board-api";

let repo: TestRepo | undefined;
afterEach(async () => repo?.remove());

/** A lane branch started from main plus a merge of its dependencies, as the runner stacks it. */
async function stackedLane(
  r: TestRepo,
  branch: string,
  deps: string[],
  commits: Record<string, string>[],
): Promise<void> {
  await r.git("checkout", "-q", "-b", branch, "main");
  if (deps.length > 0) await r.git("merge", "-q", "--no-edit", ...deps);
  for (const [i, files] of commits.entries())
    await r.commit(`Add ${branch.split("/").pop() ?? branch} part ${i + 1}`, files);
}

/** main; lane 1 (task model); main moves on; lane 2 stacked on 1; lanes 3 and 4 stacked on 2. */
async function stackedRepo(
  lane4: Record<string, string> = { "src/api.js": "export const api = 1;\n" },
): Promise<TestRepo> {
  const r = await makeRepo();
  await r.commit("Seed the project", { "README.md": "# board\n" });
  await stackedLane(
    r,
    L1,
    [],
    [{ "src/tasks.js": "export const tasks = [];\n" }, { "test/tasks.test.js": "tasks\n" }],
  );
  await r.git("checkout", "-q", "main");
  await r.commit("Document the board", { "docs/board.md": "# board\n" });
  await stackedLane(
    r,
    L2,
    [L1],
    [{ "src/board.js": "export const board = 1;\n", "test/board.test.js": "board\n" }],
  );
  await stackedLane(r, L3, [L2], [{ "src/view.js": "export const view = 1;\n" }]);
  await stackedLane(r, L4, [L2], [lane4]);
  return r;
}

const input = (r: TestRepo, branch: string, paths: string[]): Promise<GateInput> => {
  const id = (/\/(\d+)-/.exec(branch) ?? [])[1];
  return collectInput({
    dir: r.dir,
    base: "main",
    head: branch,
    branch,
    prp: samplePrp({ id, paths }),
    config: defaultGateConfig(),
  });
};

describe("stacked lanes", () => {
  it("judges a lane stacked on its dependency by its own changes and commits only", async () => {
    repo = await stackedRepo();
    const lane2 = await input(repo, L2, ["src/board.js", "test/board.test.js"]);
    expect(lane2.changes.map((c) => c.path).sort()).toEqual(["src/board.js", "test/board.test.js"]);
    expect(lane2.commits.map((c) => c.subject)).toEqual(["Add 2-board-store part 1"]);
    expect(lane2.otherLanes).toEqual([]);
    const result = await laneGate.run(lane2);
    expect(result).toMatchObject({ conclusion: "success", title: "Lane follows its PRP" });
    expect(result.summary).toContain(`Stacked on \`${L1}\`: only changes beyond them are checked.`);
    expect((await commitsGate.run(lane2)).summary).not.toContain("Merge");
  });

  it("measures a lane stacked two deep from both contained lanes", async () => {
    repo = await stackedRepo();
    const lane3 = await input(repo, L3, ["src/view.js"]);
    expect(lane3.changes.map((c) => c.path)).toEqual(["src/view.js"]);
    expect(lane3.commits.map((c) => c.subject)).toEqual(["Add 3-board-view part 1"]);
    expect(lane3.stackedOn).toEqual([L1, L2]);
    expect((await laneGate.run(lane3)).conclusion).toBe("success");
  });

  it("does not report siblings stacked on one dependency as overlapping through it", async () => {
    repo = await stackedRepo();
    const lane3 = await input(repo, L3, ["src/**"]);
    expect(lane3.otherLanes).toEqual([{ branch: L4, files: ["src/api.js"] }]);
    expect((await laneGate.run(lane3)).summary).not.toContain("also changed by");
  });

  it("reports a sibling that changes the same file itself", async () => {
    repo = await stackedRepo({ "src/view.js": "export const view = 4;\n" });
    const result = await laneGate.run(await input(repo, L3, ["src/**"]));
    expect(result.conclusion).toBe("neutral");
    expect(result.summary).toContain(`| src/view.js | ${L4} |`);
    expect(result.annotations).toEqual([
      expect.objectContaining({
        path: "src/view.js",
        message: `Also changed by ${L4}: expect a conflict at integration.`,
      }),
    ]);
  });

  it("leaves out integration branches and remote copies of local lanes", async () => {
    repo = await stackedRepo({ "src/view.js": "export const view = 4;\n" });
    await repo.git("checkout", "-q", "-b", "lanes/integration/2026-11-23", "main");
    await repo.git("merge", "-q", "--no-edit", L4);
    await repo.git("update-ref", `refs/remotes/origin/${L4}`, L4);
    await repo.git("update-ref", `refs/remotes/origin/${L3}`, L3);
    await repo.git("checkout", "-q", L3);
    const lane3 = await input(repo, L3, ["src/**"]);
    expect(lane3.otherLanes).toEqual([{ branch: L4, files: ["src/view.js"] }]);
    expect((await laneGate.run(lane3)).summary).toContain(`| src/view.js | ${L4} |`);
  });

  it("uses a remote-tracking lane when there is no local branch, and ignores an older push of itself", async () => {
    repo = await stackedRepo({ "src/view.js": "export const view = 4;\n" });
    const pushed = await repo.git("rev-parse", L4);
    await repo.git("update-ref", `refs/remotes/origin/${L4}`, pushed);
    await repo.git("update-ref", `refs/remotes/origin/${L3}`, L3);
    await repo.git("checkout", "-q", L3);
    await repo.git("branch", "-q", "-D", L4);
    await repo.commit("Add the view's second part", { "src/view-more.js": "more\n" });
    const lane3 = await input(repo, L3, ["src/**"]);
    expect(lane3.changes.map((c) => c.path).sort()).toEqual(["src/view-more.js", "src/view.js"]);
    expect(lane3.otherLanes).toEqual([{ branch: `origin/${L4}`, files: ["src/view.js"] }]);
  });

  it("falls back to the plain base diff when the contained lanes do not merge cleanly onto the base", async () => {
    const r = await makeRepo();
    repo = r;
    await r.commit("Seed the project", { "README.md": "# board\n" });
    await stackedLane(r, L1, [], [{ "src/tasks.js": "export const tasks = [];\n" }]);
    await r.git("checkout", "-q", "main");
    await r.commit("Start the tasks on main", { "src/tasks.js": "export const tasks = null;\n" });
    await r.git("checkout", "-q", "-b", L2, "main");
    await r.git("merge", "-q", "--no-edit", "-X", "theirs", L1);
    await r.commit("Add the board", { "src/board.js": "export const board = 1;\n" });
    const lane2 = await input(r, L2, ["src/board.js"]);
    expect(lane2.changes.map((c) => c.path).sort()).toEqual(["src/board.js", "src/tasks.js"]);
    expect(lane2.commits.map((c) => c.subject)).toEqual(["Add the board"]);
  });
});
