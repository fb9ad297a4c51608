import { afterEach, describe, expect, it } from "vitest";
import { applyIntegration } from "../../src/integrate/apply-integration.js";
import { planIntegration } from "../../src/integrate/plan-integration.js";
import { BaseNotFoundError } from "../../src/integrate/errors.js";
import type { LaneInput } from "../../src/integrate/lane.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

const DATE = "2026-03-14";
const BRANCH = `lanes/integration/${DATE}`;

describe("integration with merge-tree", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  const integrate = async (lanes: LaneInput[], extra: { merged?: string[] } = {}) => {
    const r = repo as LaneRepo;
    const plan = await planIntegration(r.repo, { base: "main", lanes, date: DATE, ...extra });
    return { plan, result: await applyIntegration(plan, { env: gitEnv }) };
  };

  it("merges clean lanes in order into lanes/integration/<date>, one merge commit per lane, without touching the checkout", async () => {
    repo = await makeLaneRepo();
    const api = await repo.lane("lanes/developer/1-api", { "src/api.ts": "api\n" });
    const tests = await repo.lane("lanes/tester/2-tests", { "test/api.test.ts": "test\n" });
    const db = await repo.lane("lanes/databaseops/3-db", { "db/schema.sql": "create\n" });
    const head = await repo.git("rev-parse", "HEAD");

    const { result } = await integrate([
      { branch: "lanes/tester/2-tests", id: "2", role: "tester" },
      { branch: "lanes/developer/1-api", id: "1", role: "developer" },
      { branch: "lanes/databaseops/3-db", id: "3", role: "databaseops" },
    ]);

    expect(result.order).toEqual(["lanes/databaseops/3-db", "lanes/developer/1-api", "lanes/tester/2-tests"]);
    expect(result.merged).toEqual(result.order);
    expect(result).toMatchObject({ conflicts: [], skipped: [], culprits: [], branch: BRANCH, ok: true });
    expect(await repo.git("rev-parse", BRANCH)).toBe(result.commit);
    expect(await repo.git("log", "--first-parent", "--format=%P", BRANCH, "-3")).toBe(
      [
        `${await repo.git("rev-parse", `${BRANCH}~1`)} ${tests}`,
        `${await repo.git("rev-parse", `${BRANCH}~2`)} ${api}`,
        `${head} ${db}`,
      ].join("\n"),
    );
    expect((await repo.git("ls-tree", "-r", "--name-only", BRANCH)).split("\n")).toEqual([
      "README.md",
      "db/schema.sql",
      "src/api.ts",
      "test/api.test.ts",
    ]);
    expect(await repo.git("rev-parse", "HEAD")).toBe(head);
    expect(await repo.git("symbolic-ref", "HEAD")).toBe("refs/heads/main");
    expect(await repo.git("status", "--porcelain")).toBe("");
  });

  it("reports a conflicting lane with its files and the earlier lane it clashes with, skips it, and merges the rest", async () => {
    repo = await makeLaneRepo({ "config.json": '{ "port": 1 }\n' });
    await repo.lane("lanes/developer/1-port", { "config.json": '{ "port": 2 }\n' });
    await repo.lane("lanes/documentation_writer/2-port", { "config.json": '{ "port": 3 }\n' });
    await repo.lane("lanes/tester/3-tests", { "t.txt": "t\n" });

    const { plan, result } = await integrate([
      { branch: "lanes/developer/1-port", id: "1", role: "developer", title: "Use port 2" },
      {
        branch: "lanes/documentation_writer/2-port",
        id: "2",
        role: "documentation_writer",
        title: "Use port 3",
        attempts: 0,
      },
      { branch: "lanes/tester/3-tests", id: "3", role: "tester" },
    ]);

    expect(plan.predictedConflicts).toEqual([
      { a: "lanes/developer/1-port", b: "lanes/documentation_writer/2-port", files: ["config.json"] },
    ]);
    expect(result.merged).toEqual(["lanes/developer/1-port", "lanes/tester/3-tests"]);
    expect(result.conflicts).toEqual([
      {
        branch: "lanes/documentation_writer/2-port",
        files: ["config.json"],
        with: ["lanes/developer/1-port"],
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.branch).toBe(BRANCH);
    expect(await repo.git("show", `${BRANCH}:config.json`)).toBe('{ "port": 2 }');

    expect(result.requeue).toHaveLength(1);
    const request = result.requeue[0];
    expect(request?.target).toBe("role");
    expect(request?.job).toMatchObject({
      kind: "resolve",
      reason: "conflict",
      role: "documentation_writer",
      branch: "lanes/documentation_writer/2-port",
      prpId: "2",
      title: "Use port 3",
      files: ["config.json"],
      integrationBranch: BRANCH,
      theirs: {
        branch: "lanes/documentation_writer/2-port",
        subject: "work on lanes/documentation_writer/2-port",
        prpId: "2",
      },
      ours: [
        {
          branch: "lanes/developer/1-port",
          subject: "work on lanes/developer/1-port",
          prpId: "1",
          title: "Use port 2",
        },
      ],
      attempt: 1,
      maxAttempts: 2,
    });
    expect(request?.job.context).toMatch(/CONFLICT \(content\): Merge conflict in config.json/);
  });

  it("escalates a lane to needs-human once its resolve attempts are used up", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("one", { "a.txt": "one\n" });
    await repo.lane("two", { "a.txt": "two\n" });
    const { result } = await integrate([
      { branch: "one", id: "1" },
      { branch: "two", id: "2", attempts: 2 },
    ]);
    expect(result.requeue).toMatchObject([
      {
        target: "needs-human",
        why: "two still conflicts after 2 resolve attempts",
        job: { attempt: 3, role: "integrator" },
      },
    ]);
  });

  it("skips a lane that shares no history with the base, with a clear reason, and merges the rest", async () => {
    repo = await makeLaneRepo();
    await repo.lane("good", { "g.txt": "g\n" });
    await repo.git("checkout", "-q", "--orphan", "stranger");
    await repo.git("rm", "-rq", "--cached", ".");
    await repo.commit("unrelated root", { "other.txt": "x\n" });
    await repo.git("checkout", "-q", "-f", "main");

    const { result } = await integrate([
      { branch: "stranger", id: "1" },
      { branch: "good", id: "2" },
    ]);
    expect(result.merged).toEqual(["good"]);
    expect(result.skipped).toEqual([
      {
        branch: "stranger",
        kind: "unrelated-histories",
        reason:
          'branch "stranger" shares no history with "main"; rebuild the lane from main instead of merging it',
      },
    ]);
    expect(result.ok).toBe(false);
  });

  it("reports lanes already merged into the base and missing branches, and merges the rest", async () => {
    repo = await makeLaneRepo();
    await repo.lane("done", { "d.txt": "d\n" });
    await repo.git("merge", "-q", "--no-ff", "-m", "merge done", "done");
    await repo.lane("fresh", { "f.txt": "f\n" });

    const { result } = await integrate([
      { branch: "done", id: "1" },
      { branch: "gone", id: "2" },
      { branch: "fresh", id: "3" },
    ]);
    expect(result.merged).toEqual(["fresh"]);
    expect(result.skipped).toEqual([
      { branch: "done", kind: "already-merged", reason: 'branch "done" is already merged into main' },
      {
        branch: "gone",
        kind: "missing",
        reason: 'branch "gone" does not exist; was it deleted or never pushed?',
      },
    ]);
  });

  it("merges a lane whose dependency an earlier integration already merged into the base", async () => {
    repo = await makeLaneRepo();
    await repo.lane("first", { "a.txt": "a\n" });
    await repo.git("merge", "-q", "--no-ff", "-m", "integration 1", "first");
    await repo.lane("second", { "b.txt": "b\n" });
    const { result } = await integrate([
      { branch: "first", id: "1" },
      { branch: "second", id: "2", dependsOn: ["1"] },
    ]);
    expect(result.merged).toEqual(["second"]);
    expect(result.skipped).toMatchObject([{ branch: "first", kind: "already-merged" }]);
  });

  it("treats a lane as already merged when an earlier lane in the run contained it", async () => {
    repo = await makeLaneRepo();
    await repo.lane("inner", { "i.txt": "i\n" });
    await repo.lane("outer", { "o.txt": "o\n" }, "inner");
    const { result } = await integrate([
      { branch: "outer", id: "1", priority: "high" },
      { branch: "inner", id: "2", priority: "low" },
    ]);
    expect(result.merged).toEqual(["outer"]);
    expect(result.skipped).toMatchObject([{ branch: "inner", kind: "already-merged" }]);
    expect(result.ok).toBe(true);
  });

  it("skips a lane whose dependency conflicted, and accepts dependencies already merged", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("first", { "a.txt": "first\n" });
    await repo.lane("rival", { "a.txt": "rival\n" });
    await repo.lane("needs-rival", { "n.txt": "n\n" });
    await repo.lane("needs-old", { "o.txt": "o\n" });
    const { result } = await integrate(
      [
        { branch: "first", id: "1", priority: "critical" },
        { branch: "rival", id: "2" },
        { branch: "needs-rival", id: "3", dependsOn: ["2"] },
        { branch: "needs-old", id: "4", dependsOn: ["0"] },
      ],
      { merged: ["0"] },
    );
    expect(result.merged).toEqual(["first", "needs-old"]);
    expect(result.conflicts.map((c) => c.branch)).toEqual(["rival"]);
    expect(result.skipped).toEqual([
      {
        branch: "needs-rival",
        kind: "dependency-not-merged",
        reason: "its dependencies 2 were not merged in this integration",
      },
    ]);
  });

  it("writes no branch when nothing could be merged", async () => {
    repo = await makeLaneRepo();
    const { result } = await integrate([{ branch: "gone", id: "1" }]);
    expect(result.branch).toBeNull();
    expect(result.commit).toBe(result.baseCommit);
    expect(await repo.git("branch", "--list", "lanes/*")).toBe("");
  });

  it("planning writes no ref", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("x", { "a.txt": "x\n" });
    await repo.lane("y", { "a.txt": "y\n" });
    const before = await repo.refs();
    const plan = await planIntegration(repo.repo, {
      base: "main",
      lanes: [
        { branch: "x", id: "1" },
        { branch: "y", id: "2" },
      ],
      date: DATE,
    });
    expect(plan.predictedConflicts).toHaveLength(1);
    expect(await repo.refs()).toBe(before);
  });

  it("fails with a typed error when the base does not exist", async () => {
    repo = await makeLaneRepo();
    await expect(planIntegration(repo.repo, { base: "nope", lanes: [], date: DATE })).rejects.toBeInstanceOf(
      BaseNotFoundError,
    );
  });
});
