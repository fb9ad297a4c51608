// `lanes demo` end to end, run the way `npm run demo` runs it: the built CLI in its own process, against
// the local GitHub sandbox whose webhooks drive `lanes serve`, a private redis-server and a private tmux
// server, with script agents.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runChild, type ChildResult } from "../../src/cli/demo/child-cli.js";
import type { DemoReport } from "../../src/cli/demo/demo-report.js";

const exec = promisify(execFile);
const CLI = "dist/src/cli/main.js";

function runDemo(args: string[]): Promise<ChildResult> {
  return runChild([process.execPath, CLI, "demo", ...args], { env: process.env, cwd: process.cwd() });
}

async function demoWorkspaces(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith("lanes-demo-"));
}

/** The demo stacks' tmux servers running now (pid and command line), this run's or any other's. */
async function demoServers(): Promise<string[]> {
  const r = await exec("pgrep", ["-fa", "tmux -L lanes-demo-"]).catch(() => ({ stdout: "" }));
  return r.stdout.split("\n").filter((line) => line.trim() !== "");
}

describe("lanes demo", () => {
  it("runs through the App: queues what is ready, unblocks dependents as integration PRs merge, holds back the stub lane", async () => {
    expect(existsSync(CLI), "npm test builds dist/ first (scripts/bootstrap)").toBe(true);
    const before = await demoWorkspaces();
    // another demo on the machine (an interrupted one, or a developer's) is not this run's to clean up
    const serversBefore = await demoServers();
    const result = await runDemo(["--json"]);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(result.stdout) as DemoReport;

    expect(report.ok).toBe(true);
    expect(report.plan).toMatchObject({ prps: 5, order: ["1", "2", "3", "4", "5"] });
    expect(report.github.issues).toEqual([1, 2, 3, 4, 5]);
    expect(report.lanes.map((l) => [l.issue, l.state, l.pr !== null])).toEqual([
      [1, "done", true],
      [2, "done", true],
      [3, "done", true],
      [4, "done", true],
      [5, "done", true],
    ]);
    const gate = (issue: number, name: string) =>
      report.lanes.find((l) => l.issue === issue)?.gates.find((g) => g.gate === `lanes/${name}`)?.conclusion;
    // every PR got all six gates as check runs
    for (const lane of report.lanes) expect(lane.gates.map((g) => g.gate).sort()).toHaveLength(6);
    expect(gate(1, "validation")).toBe("success");
    expect(gate(4, "placeholders")).toBe("failure");
    // #2 depends on #1: the App queued it only once #1 was merged, so its integration gate passes
    expect(gate(2, "integration")).toBe("success");

    const byIssue = Object.fromEntries(report.lanes.map((l) => [l.issue, l.integration]));
    expect(byIssue).toEqual({ 1: "merged", 2: "merged", 3: "merged", 4: "excluded", 5: "merged" });
    expect(report.lanes.find((l) => l.issue === 4)?.note).toMatch(/lanes\/placeholders/);
    // the App's state labels: merged lanes are done; one status comment per PRP, edited in place
    expect(Object.fromEntries(report.lanes.map((l) => [l.issue, l.label]))).toMatchObject({
      1: "done",
      2: "done",
      3: "done",
      5: "done",
    });
    expect(report.lanes.find((l) => l.issue === 4)?.label).toBe("review");
    for (const lane of report.lanes) expect(lane.statusComments).toBe(1);
    // waves: {1, 5}, then {2} once #1 merged, then {3, 4} once #2 merged
    expect(report.integrations.map((i) => i.lanes.length)).toEqual([2, 1, 1]);
    for (const i of report.integrations) {
      expect(i.branch).toMatch(/^lanes\/integration\/\d{4}-\d{2}-\d{2}(-\d+)?$/);
      expect(i.validation.length).toBeGreaterThan(0);
      expect(i.validation.every((v) => v.ok)).toBe(true);
      expect(i.pr).toMatch(/\/pull\/\d+$/);
      expect(i.merged).toBe(true);
    }
    expect(report.app.deliveries).toBeGreaterThan(0);
    // the dashboard lanes serve mounts showed the demo's lanes, from the board the supervisor publishes
    expect(report.app.dashboard).toBe(`${report.app.url}/dashboard/`);
    expect(report.app.dashboardLanes).toBeGreaterThanOrEqual(5);
    // its gates (check runs the App saw) and its three integrations (reported through the state API)
    expect(report.app.dashboardGates).toBeGreaterThanOrEqual(5);
    expect(report.app.dashboardIntegrations).toBe(3);
    expect(result.stderr).toContain("wave 2: #2 queued by the App");
    // progress went to stderr, so stdout is only the JSON report
    expect(result.stderr).toContain("lane #1 developer: done");

    // nothing is left behind: no workspace, no tmux server of the demo's stack
    expect((await demoWorkspaces()).filter((n) => !before.includes(n))).toEqual([]);
    expect((await demoServers()).filter((line) => !serversBefore.includes(line))).toEqual([]);
  }, 600_000);

  it("refuses a backlog with errors before starting anything, naming file, line and field", async () => {
    const result = await runDemo(["--backlog", "test/fixtures/prp-backlog", "--json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/test\/fixtures\/prp-backlog\/\S+\.md:\d+: \w+/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.stderr).not.toContain("redis:"); // it stopped at the plan: no Redis, no GitHub, no App, no stack
  }, 60_000);
});
