import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveLane, type LaneRecord } from "../../src/runner/lane-record.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

function lane(id: string, state: LaneRecord["state"]): LaneRecord {
  return {
    id,
    role: "developer",
    issue: id,
    title: id,
    branch: `lanes/developer/${id}`,
    worktree: "/nowhere",
    window: `developer-${id}`,
    paneId: "%1",
    state,
    briefed: true,
    sessionId: "11111111-2222-4333-8444-555555555555",
    sessionUsed: true,
    briefFile: "/stack/agents/j.brief.md",
    settingsFile: "/stack/agents/j.settings.json",
    permissionMode: "dontAsk",
    restarts: 0,
    startedAt: 0,
    commits: 1,
    limitAttempts: 0,
    limitLinesSeen: 0,
    lease: { jobId: id, token: "t", host: "h", agent: "a", leaseUntil: 0 },
  };
}

describe("lanes stack ls / prune", () => {
  let home: TempDir;
  let env: NodeJS.ProcessEnv;
  const suffix = Math.random().toString(36).slice(2, 7);
  const [running, open, finished] = ["running", "open", "finished"].map((n) => `${n}-${suffix}`) as [
    string,
    string,
    string,
  ];

  beforeEach(async () => {
    home = await makeTempDir("lanes-ls");
    env = { LANES_HOME: home.path };
    for (const [name, states] of [
      [running, ["working"]],
      [open, ["done", "paused"]],
      [finished, ["done", "failed"]],
    ] as const) {
      const paths = stackPaths(env, name);
      await writeStackRecord(paths.record, {
        name,
        repo: `/repos/${name}`,
        repoSlug: `local/${name}`,
        base: "main",
        worktreeRoot: home.path,
        roles: ["developer"],
        agents: 1,
        agent: "script",
        redisUrl: "redis://127.0.0.1:1",
        prefix: "p:",
        hostName: "h",
        createdAt: 0,
      });
      for (const [i, state] of states.entries()) await saveLane(paths.lane(`l${i}`), lane(`l${i}`, state));
    }
    await new Tmux(stackPaths(env, running).socket).newSession({
      session: running,
      window: "supervisor",
      cwd: home.path,
      command: ["sleep", "600"],
    });
  });
  afterEach(async () => {
    await new Tmux(stackPaths(env, running).socket).killServer();
    await home.remove();
  });

  it("lists every stack with its state, lanes and repository", async () => {
    const ls = await lanes(["stack", "ls"], { env });
    expect(ls.code).toBe(0);
    expect(ls.stdout.split("\n")[0]).toMatch(/^NAME\s+STATE\s+LANES\s+REPO$/);
    expect(ls.stdout).toMatch(new RegExp(`${finished}\\s+stopped\\s+1 done, 1 failed\\s+/repos/${finished}`));
    const json = JSON.parse((await lanes(["stack", "ls", "--json"], { env })).stdout);
    expect(
      json.map((s: { name: string; running: boolean; open: number }) => [s.name, s.running, s.open]),
    ).toEqual([
      [finished, false, 0],
      [open, false, 1],
      [running, true, 1],
    ]);
  });

  it("prunes only stopped stacks with no open lane, unless --all; --dry-run removes nothing", async () => {
    const dry = await lanes(["stack", "prune", "--dry-run"], { env });
    expect(dry.stdout.split("\n")[0]).toBe(`would remove: ${finished}`);
    expect(existsSync(stackPaths(env, finished).dir)).toBe(true);

    const pruned = JSON.parse((await lanes(["stack", "prune", "--json"], { env })).stdout);
    expect(pruned.removed).toEqual([finished]);
    expect(pruned.kept).toEqual([
      { name: open, reason: expect.stringContaining("1 open lane(s); `lanes stack resume") },
      { name: running, reason: "running" },
    ]);
    expect(existsSync(stackPaths(env, finished).dir)).toBe(false);

    const all = JSON.parse((await lanes(["stack", "prune", "--all", "--json"], { env })).stdout);
    expect(all.removed).toEqual([open]);
    expect(existsSync(stackPaths(env, running).dir)).toBe(true);
  });
});
