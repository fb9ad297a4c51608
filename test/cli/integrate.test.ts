import { afterEach, describe, expect, it } from "vitest";
import { gitEnv } from "../support/git.js";
import { lanes } from "../support/cli.js";
import { makeLaneRepo, type LaneRepo } from "../integrate/lane-repo.js";

describe("lanes integrate", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  const run = (...args: string[]) =>
    lanes(["integrate", "--repo", (repo as LaneRepo).dir, "--date", "2026-03-14", ...args], { env: gitEnv });

  it("prints the DESIGN §6 JSON contract and exits 0 when every lane merged and validated", async () => {
    repo = await makeLaneRepo();
    await repo.lane("lanes/tester/2-tests", { "t.txt": "t\n" });
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    const { code, stdout, stderr } = await run(
      "--base",
      "main",
      "--branches",
      "lanes/tester/2-tests,lanes/developer/1-api",
      "--validate",
      "test -f a.txt",
      "--json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      order: ["lanes/developer/1-api", "lanes/tester/2-tests"],
      merged: ["lanes/developer/1-api", "lanes/tester/2-tests"],
      conflicts: [],
      branch: "lanes/integration/2026-03-14",
      validation: [{ command: "test -f a.txt", ok: true }],
    });
    expect(out.commit).toBe(await repo.git("rev-parse", "lanes/integration/2026-03-14"));
  });

  it("exits 1 and names the files and the other lane when a lane conflicts", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("lanes/developer/1-x", { "a.txt": "x\n" });
    await repo.lane("lanes/developer/2-y", { "a.txt": "y\n" });
    const { code, stdout } = await run("--branches", "lanes/developer/2-y,lanes/developer/1-x");
    expect(code).toBe(1);
    expect(stdout).toContain("merged   lanes/developer/1-x");
    expect(stdout).toContain("CONFLICT lanes/developer/2-y with lanes/developer/1-x: a.txt");
  });

  it("--dry-run prints the order and predicted conflicts and writes nothing", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("x", { "a.txt": "x\n" });
    await repo.lane("y", { "a.txt": "y\n" });
    const before = await repo.refs();
    const { code, stdout } = await run("--branches", "x,y", "--dry-run", "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      dryRun: true,
      order: ["x", "y"],
      predictedConflicts: [{ a: "x", b: "y", files: ["a.txt"] }],
    });
    expect(await repo.refs()).toBe(before);
    const human = await run("--branches", "x,y", "--dry-run");
    expect(human.stdout).toContain("CONFLICT x ↔ y: a.txt");
    expect(await repo.refs()).toBe(before);
  });

  it("exits 1 with a one-line message when the base does not exist", async () => {
    repo = await makeLaneRepo();
    const { code, stderr } = await run("--base", "nope", "--branches", "x");
    expect(code).toBe(1);
    expect(stderr).toMatch(/^lanes: base ref "nope" does not name a commit/);
  });

  it("exits 2 on bad usage: missing --branches, a malformed date, an empty branch list", async () => {
    repo = await makeLaneRepo();
    expect((await lanes(["integrate", "--repo", repo.dir])).code).toBe(2);
    const badDate = await lanes(["integrate", "--repo", repo.dir, "--branches", "x", "--date", "14/03/2026"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date expected YYYY-MM-DD/);
    expect((await run("--branches", " , ")).code).toBe(2);
  });
});
