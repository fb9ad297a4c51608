// A second `lanes integrate` the same day never silently overwrites the first; --push publishes the
// result to a remote; a conflict comes with the next step to take.
import { afterEach, describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "../integrate/lane-repo.js";

describe("lanes integrate, run again", () => {
  let repo: LaneRepo | undefined;
  let remote: TestRepo | undefined;
  afterEach(async () => {
    await repo?.remove();
    await remote?.remove();
  });
  const run = (...args: string[]) =>
    lanes(["integrate", "--repo", (repo as LaneRepo).dir, "--date", "2026-03-14", "--json", ...args], {
      env: gitEnv,
    });

  it("writes the next free name when the day's integration branch exists, and says so", async () => {
    repo = await makeLaneRepo();
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    await repo.lane("lanes/developer/2-ui", { "b.txt": "b\n" });
    const first = JSON.parse((await run("--branches", "lanes/developer/1-api")).stdout);
    const second = await run("--branches", "lanes/developer/1-api,lanes/developer/2-ui");
    expect(second.code).toBe(0);
    const out = JSON.parse(second.stdout);
    expect(out.branch).toBe("lanes/integration/2026-03-14-2");
    expect(out.branchNote).toContain("lanes/integration/2026-03-14 already exists");
    expect(await repo.git("rev-parse", "lanes/integration/2026-03-14")).toBe(first.commit);
  });

  it("--push publishes the integration branch to the remote", async () => {
    repo = await makeLaneRepo();
    remote = await makeRepo({ bare: true });
    await repo.git("remote", "add", "origin", remote.dir);
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    const { code, stdout } = await run("--branches", "lanes/developer/1-api", "--push");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.pushed).toBe(true);
    expect(await remote.git("rev-parse", "refs/heads/lanes/integration/2026-03-14")).toBe(out.commit);
  });

  it("gives each conflicting lane the commands that reproduce and resolve its conflict", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("lanes/developer/1-x", { "a.txt": "x\n" });
    await repo.lane("lanes/developer/2-y", { "a.txt": "y\n" });
    const { code, stdout } = await run("--branches", "lanes/developer/1-x,lanes/developer/2-y");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).nextSteps).toEqual([
      {
        branch: "lanes/developer/2-y",
        next: expect.stringMatching(
          /^git switch lanes\/developer\/2-y && git merge lanes\/integration\/2026-03-14, resolve a\.txt/,
        ),
      },
    ]);
  });
});
