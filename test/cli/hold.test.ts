// Holds in local mode: `lanes hold` keeps a PRP's lanes out of `lanes integrate --ready --stack`, which says
// it skipped them and why; `lanes unhold` lets them in again. Real git; a stack folder with lane records.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeGateRecord } from "../../src/gates/local-gate-record.js";
import { GATE_NAMES } from "../../src/gates/types.js";
import { saveLane, type LaneRecord } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { lanes } from "../support/cli.js";
import { gitEnv } from "../support/git.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { makeLaneRepo, type LaneRepo } from "../integrate/lane-repo.js";

const STACK = "holds";

describe("lanes hold / unhold and integrate --ready --stack", () => {
  let repo: LaneRepo;
  let home: TempDir;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    repo = await makeLaneRepo();
    home = await makeTempDir("lanes-hold");
    env = { ...gitEnv, LANES_HOME: home.path, LANES_USER: "alice" };
    const paths = stackPaths(env, STACK);
    await writeStackRecord(paths.record, {
      name: STACK,
      repo: repo.dir,
      repoSlug: "local/demo",
      base: "main",
      worktreeRoot: home.path,
      roles: ["developer"],
      agents: 2,
      agent: "script",
      redisUrl: "redis://127.0.0.1:1",
      prefix: "unused:",
      hostName: "host",
      leaseMs: 60_000,
      tickMs: 1_000,
      createdAt: 0,
    });
    for (const [issue, slug, file] of [
      [1, "api", "a.txt"],
      [2, "docs", "b.txt"],
    ] as const) {
      const branch = `lanes/developer/${issue}-${slug}`;
      const commit = await repo.lane(branch, { [file]: `${slug}\n` });
      await writeGateRecord(repo.repo, {
        commit,
        branch,
        at: "2026-03-14T00:00:00Z",
        gates: GATE_NAMES.map((g) => ({
          name: `lanes/${g}`,
          mode: "required" as const,
          conclusion: "success" as const,
          title: "ok",
        })),
      });
      await saveLane(paths.lane(`job-${issue}`), laneRecord(issue, branch));
    }
  });
  afterEach(async () => {
    await repo.remove();
    await home.remove();
  });

  const run = (...args: string[]) => lanes(args, { env, cwd: repo.dir });
  const integrate = (...args: string[]) =>
    run("integrate", "--ready", "--stack", STACK, "--date", "2026-03-14", ...args);

  it("leaves a held lane out of the integration, says why, and takes it again once released", async () => {
    const held = await run(
      "hold",
      "developer-2",
      "--name",
      STACK,
      "--reason",
      "waiting on the design review",
    );
    expect(held).toMatchObject({ code: 0, stderr: "" });
    expect(held.stdout).toContain("held 2:");

    const listed = await run("hold", "--name", STACK, "--json");
    expect(JSON.parse(listed.stdout)).toEqual({
      holds: [{ prp: "2", by: "alice", at: expect.any(Number), reason: "waiting on the design review" }],
    });

    const status = await run("stack", "status", "--name", STACK);
    expect(status.stdout).toContain(
      "  ↳ not integrated: held by alice: waiting on the design review (`lanes unhold 2` releases it)",
    );

    const dry = await integrate("--dry-run", "--json");
    expect(JSON.parse(dry.stdout)).toMatchObject({
      order: ["lanes/developer/1-api"],
      waiting: [
        {
          branch: "lanes/developer/2-docs",
          reason: "held by alice: waiting on the design review (`lanes unhold 2` releases it)",
        },
      ],
    });

    const result = await integrate();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("merged   lanes/developer/1-api");
    expect(result.stdout).toContain("waiting  lanes/developer/2-docs: held by alice");
    expect(result.stdout).not.toContain("merged   lanes/developer/2-docs");
    expect(await repo.git("ls-tree", "--name-only", "lanes/integration/2026-03-14")).not.toContain("b.txt");

    expect((await run("unhold", "2", "--name", STACK)).stdout).toBe("released 2\n");
    const again = await integrate("--dry-run", "--json");
    expect(JSON.parse(again.stdout)).toMatchObject({
      order: ["lanes/developer/1-api", "lanes/developer/2-docs"],
      waiting: [],
    });
  });

  it("holds a PRP no lane works on yet, refuses a target that is no PRP id, and says when nothing was held", async () => {
    expect((await run("hold", "7", "--name", STACK)).code).toBe(0);
    expect((await run("hold", "7", "--name", STACK)).stdout).toBe("7 was already held\n");
    const bad = await run("hold", "no such lane!", "--name", STACK);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("names no lane and is not a PRP id");
    const none = await run("unhold", "9", "--name", STACK);
    expect(none).toMatchObject({ code: 1, stdout: "9 was not held\n" });
    const missing = await run("hold", "7", "--name", "nope");
    expect(missing.stderr).toContain('no stack named "nope"');
  });

  it("documents hold and unhold in --help", async () => {
    const help = await run("hold", "--help");
    expect(help.stdout).toContain("lanes integrate --ready --stack");
    expect(help.stdout).toContain("/lanes hold");
    expect((await run("--help")).stdout).toMatch(/hold .*local integration/);
  });
});

function laneRecord(issue: number, branch: string): LaneRecord {
  return {
    id: `job-${issue}`,
    role: "developer",
    issue,
    title: `Feature ${issue}`,
    branch,
    worktree: `/tmp/wt-${issue}`,
    window: `developer-${issue}`,
    paneId: "%1",
    state: "done",
    sessionId: "00000000-0000-4000-8000-000000000000",
    sessionUsed: true,
    briefFile: "brief.md",
    settingsFile: "settings.json",
    permissionMode: "dontAsk",
    briefed: true,
    restarts: 0,
    startedAt: issue,
    commits: 1,
    limitAttempts: 0,
    limitLinesSeen: 0,
    lease: { jobId: `job-${issue}`, token: "t", host: "h", agent: "a", leaseUntil: 0 },
  };
}
