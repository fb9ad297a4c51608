import { afterEach, describe, expect, it } from "vitest";
import { applyIntegration } from "../../src/integrate/apply-integration.js";
import { bisect } from "../../src/integrate/bisect.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import {
  worktreeValidator,
  type ValidationRun,
  type Validator,
} from "../../src/integrate/validate-commit.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

const DATE = "2026-03-14";
/** Fails when any file in the tree says BROKEN: a stand-in for a test suite. */
const CHECK = "! grep -rq BROKEN --exclude-dir=.git .";

/** A validator over a pretend history: steps at or after `culprit` fail. */
function fakeValidator(commits: string[], failing: (index: number) => boolean) {
  const seen: string[] = [];
  const validate: Validator = async (commit) => {
    seen.push(commit);
    const ok = !failing(commits.indexOf(commit));
    return {
      ok,
      results: [
        {
          command: "check",
          ok,
          exitCode: ok ? 0 : 1,
          timedOut: false,
          outputTail: ok ? "" : `broken at ${commit}`,
        },
      ],
    };
  };
  return { validate, seen };
}

describe("bisect", () => {
  const commits = Array.from({ length: 16 }, (_, i) => `c${i}`);
  const failed: ValidationRun = { ok: false, results: [] };

  it("finds the first failing step among 16 with log2 N validations", async () => {
    const { validate, seen } = fakeValidator(commits, (i) => i >= 11);
    const found = await bisect("base", commits, failed, validate);
    expect(found).toMatchObject({ kind: "culprit", index: 11, validations: 4 });
    expect(seen).toHaveLength(4);
  });

  it("blames the first lane only after the base itself passes", async () => {
    const { validate, seen } = fakeValidator(commits, (i) => i >= 0);
    expect(await bisect("base", commits, failed, validate)).toMatchObject({ kind: "culprit", index: 0 });
    expect(seen).toContain("base");
  });

  it("blames no lane when the base already fails", async () => {
    const { validate } = fakeValidator(commits, () => true);
    expect(await bisect("base", commits, failed, validate)).toMatchObject({ kind: "base-fails" });
  });
});

describe("integration with validation", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  const worktrees = async () =>
    (await (repo as LaneRepo).git("worktree", "list", "--porcelain"))
      .split("\n")
      .filter((l) => l.startsWith("worktree ")).length;

  it("finds the lane that breaks validation by bisection, rebuilds without it, and sends it back with the output", async () => {
    repo = await makeLaneRepo();
    const lanes = ["a", "b", "c", "d", "e", "f", "g", "h"].map((name, i) => ({
      branch: `lane-${name}`,
      id: String(i + 1),
      role: "developer",
    }));
    for (const lane of lanes)
      await repo.lane(lane.branch, {
        [`${lane.branch}.txt`]: lane.branch === "lane-f" ? "BROKEN\n" : "fine\n",
      });
    const plan = await planIntegration(repo.repo, { base: "main", lanes, date: DATE, validate: [CHECK] });
    const real = worktreeValidator(repo.repo, plan.validate);
    let validations = 0;
    const counted: Validator = (commit) => {
      validations += 1;
      return real(commit);
    };

    const result = await applyIntegration(plan, { env: gitEnv, validator: counted });

    expect(result.culprits).toMatchObject([
      {
        branch: "lane-f",
        reason: `validation "${CHECK}" fails once lane-f is merged, and passes with the lanes before it`,
      },
    ]);
    expect(result.merged).toEqual(["lane-a", "lane-b", "lane-c", "lane-d", "lane-e", "lane-g", "lane-h"]);
    expect(result.validation).toMatchObject([{ command: CHECK, ok: true }]);
    expect(result.ok).toBe(false);
    expect(result.branch).toBe(`lanes/integration/${DATE}`);
    expect(await repo.git("ls-tree", "--name-only", result.branch as string)).not.toContain("lane-f.txt");
    // Full run, three bisection steps (log2 8), and the rebuilt run.
    expect(validations).toBe(5);
    expect(result.requeue).toMatchObject([
      {
        target: "role",
        job: { reason: "validation", branch: "lane-f", files: ["lane-f.txt"], role: "developer" },
      },
    ]);
    expect(result.requeue[0]?.job.context).toMatch(/fails once lane-f is merged/);
    expect(await worktrees()).toBe(1);
  });

  it("removes culprits one after another until the combination passes", async () => {
    repo = await makeLaneRepo();
    const lanes = ["a", "b", "c", "d"].map((name, i) => ({ branch: `lane-${name}`, id: String(i + 1) }));
    for (const lane of lanes)
      await repo.lane(lane.branch, {
        [`${lane.branch}.txt`]: ["lane-b", "lane-d"].includes(lane.branch) ? "BROKEN\n" : "ok\n",
      });
    const plan = await planIntegration(repo.repo, {
      base: "main",
      lanes,
      date: DATE,
      validate: ["true", CHECK],
    });
    const result = await applyIntegration(plan, { env: gitEnv });
    expect(result.culprits.map((c) => c.branch)).toEqual(["lane-b", "lane-d"]);
    expect(result.merged).toEqual(["lane-a", "lane-c"]);
    expect(result.validation.map((v) => v.ok)).toEqual([true, true]);
  });

  it("writes no branch and blames no lane when validation fails on the base itself", async () => {
    repo = await makeLaneRepo({ "x.txt": "BROKEN\n" });
    await repo.lane("fine", { "y.txt": "y\n" });
    const plan = await planIntegration(repo.repo, {
      base: "main",
      lanes: [{ branch: "fine", id: "1" }],
      date: DATE,
      validate: [CHECK],
    });
    const result = await applyIntegration(plan, { env: gitEnv });
    expect(result).toMatchObject({ baseFailsValidation: true, culprits: [], branch: null, ok: false });
    expect(result.validation).toMatchObject([{ command: CHECK, ok: false }]);
    expect(await repo.git("branch", "--list", "lanes/*")).toBe("");
    expect(await worktrees()).toBe(1);
  });

  it("gives up after the configured number of culprits and writes no failing branch", async () => {
    repo = await makeLaneRepo();
    const lanes = ["a", "b"].map((name, i) => ({ branch: `lane-${name}`, id: String(i + 1) }));
    for (const lane of lanes) await repo.lane(lane.branch, { [`${lane.branch}.txt`]: "BROKEN\n" });
    const plan = await planIntegration(repo.repo, { base: "main", lanes, date: DATE, validate: [CHECK] });
    const result = await applyIntegration(plan, { env: gitEnv, maxCulprits: 1 });
    expect(result.culprits.map((c) => c.branch)).toEqual(["lane-a"]);
    expect(result.merged).toEqual(["lane-b"]);
    expect(result.validation).toMatchObject([{ ok: false }]);
    expect(result.branch).toBeNull();
  });
});
