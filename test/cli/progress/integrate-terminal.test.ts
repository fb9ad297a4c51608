// `lanes integrate` on a terminal shows its steps (settings, lanes, plan, merge, validation) redrawn in
// place above its usual report; in a pipe it prints the report alone, as it always did.
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lanes } from "../../support/cli.js";
import { gitEnv } from "../../support/git.js";
import { runInTerminal } from "../../support/terminal.js";
import { makeLaneRepo, type LaneRepo } from "../../integrate/lane-repo.js";

const CLI = resolve("dist/src/cli/main.js");

describe("lanes integrate progress", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  const args = (dir: string) => [
    "integrate",
    "--repo",
    dir,
    "--date",
    "2026-03-14",
    "--base",
    "main",
    "--branches",
    "lanes/tester/2-tests,lanes/developer/1-api",
    "--validate",
    "test -f a.txt",
  ];

  it("shows each step with its time on a terminal, then the report", { timeout: 60_000 }, async () => {
    repo = await makeLaneRepo();
    await repo.lane("lanes/tester/2-tests", { "t.txt": "t\n" });
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    const pipe = await lanes([...args(repo.dir), "--date", "2026-03-15"], { env: gitEnv });

    const run = await runInTerminal(["node", CLI, ...args(repo.dir)], { env: gitEnv, cwd: repo.dir });
    expect(run.code).toBe(0);
    const screen = run.screen.split("\n");
    const time = String.raw` +\d+\.\ds$`;
    expect(screen.slice(0, 5)).toEqual([
      expect.stringMatching(
        new RegExp(`^  ✓ settings at main, target branch: lanes/integration/2026-03-14${time}`),
      ),
      expect.stringMatching(new RegExp(`^  ✓ lanes named: 2 ready${time}`)),
      expect.stringMatching(
        new RegExp(`^  ✓ plan the order: 2 lane\\(s\\), 1 validation command\\(s\\)${time}`),
      ),
      expect.stringMatching(new RegExp(`^  ✓ merge onto main: 2 lane\\(s\\) merged${time}`)),
      expect.stringMatching(new RegExp(`^  ✓ validate the combination: test -f a.txt${time}`)),
    ]);
    // below the view, the report a pipe gets (another date, so another branch and commit)
    const report = (text: string) => text.replace(/→ [0-9a-f]+/, "→ <commit>").trimEnd();
    expect(report(screen.slice(5).join("\n"))).toBe(
      report(pipe.stdout.replaceAll("2026-03-15", "2026-03-14")),
    );
    expect(run.raw.split("\x1b[").filter((s) => /^\d+A\r/.test(s)).length).toBeGreaterThan(3);
  });

  it("prints only the report in a pipe", async () => {
    repo = await makeLaneRepo();
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    await repo.lane("lanes/tester/2-tests", { "t.txt": "t\n" });
    const { code, stdout } = await lanes(args(repo.dir), { env: gitEnv });
    expect(code).toBe(0);
    expect(stdout).not.toContain("\x1b");
    expect(stdout).not.toContain("✓");
    expect(stdout).toContain("merged   lanes/developer/1-api");
  });
});
