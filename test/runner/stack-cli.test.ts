import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { listLanes } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { lanes } from "../support/cli.js";
import type { TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { processesOfStack } from "../support/stack-processes.js";
import { useLocalStack } from "../support/local-stack.js";
import type { TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

const BACKLOG = resolve("test/fixtures/runner/backlog");

describe("lanes stack up --backlog (local mode, script agents, the CLI end to end)", () => {
  const redis = useRedis();
  const local = useLocalStack({ label: "lanes-cli-home", redis });
  let repo: TestRepo;
  let remote: TestRepo;
  let home: TempDir;
  let env: NodeJS.ProcessEnv;
  let name: string;

  beforeEach(() => {
    ({ repo, remote, home, env, name } = local);
  });

  it("returns once the stack runs, works the backlog in dependency order and pushes every lane branch; hostile text stays inert", async () => {
    const up = await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--backlog",
        BACKLOG,
        "--agent",
        "script",
        "--agents",
        "3",
        "--json",
      ],
      { env },
    );
    expect(up.stderr).toBe("");
    expect(up.code).toBe(0);
    const record = JSON.parse(up.stdout);
    expect(record).toMatchObject({ name, agent: "script", agents: 3, backlog: BACKLOG });
    expect(record.roles.sort()).toEqual(["developer", "tester"]);
    const tmux = new Tmux(stackPaths(env, name).socket);
    expect((await tmux.listPanes(name)).map((p) => p.windowName).slice(0, 3)).toEqual([
      "status",
      "supervisor",
      "logs",
    ]);

    const paths = stackPaths(env, name);
    const done = await waitUntil(
      async () => {
        const all = await listLanes(paths.lanes);
        return all.length === 4 && all.every((l) => l.state === "done") ? all : undefined;
      },
      "all four backlog lanes to finish",
      120_000,
    );
    const branches = (await remote.git("branch", "--format=%(refname:short)")).split("\n").sort();
    expect(branches).toEqual(done.map((l) => l.branch).sort());
    expect(branches).toContain("lanes/tester/3-notes-for-the-docs");
    expect(await remote.git("show", "lanes/tester/3-notes-for-the-docs:docs/notes.md")).toBe("notes");
    // 02 depends on 01: it started only after 01 was done
    const first = done.find((l) => l.issue === 1);
    const second = done.find((l) => l.issue === 2);
    expect((second?.startedAt ?? 0) >= (first?.lastEventAt ?? Infinity)).toBe(true);
    // …and it is stacked on 01: its branch contains 01's work, so it can build on it
    const stacked = await remote
      .git("merge-base", "--is-ancestor", first?.branch ?? "-", second?.branch ?? "-")
      .then(
        () => true,
        () => false,
      );
    expect(stacked).toBe(true);
    const unrelated = done.find((l) => l.issue === 3);
    expect(
      await remote.git("merge-base", "--is-ancestor", first?.branch ?? "-", unrelated?.branch ?? "-").then(
        () => true,
        () => false,
      ),
    ).toBe(false);
    for (const lane of done) expect(lane.note).toContain("PR step skipped");

    for (const dir of [repo.dir, home.path, process.cwd()])
      expect(existsSync(join(dir, "HOSTILE_MARKER"))).toBe(false);
    expect((await readdir(join(home.path, "worktrees"))).length).toBe(0);

    const status = JSON.parse((await lanes(["stack", "status", "--name", name, "--json"], { env })).stdout);
    expect(status).toMatchObject({ running: true, supervisor: true });
    expect(status.lanes).toHaveLength(4);
    expect((await lanes(["stack", "down", "--name", name], { env })).code).toBe(0);
  }, 180_000);

  it("fails clearly when the agent cannot start, and starts nothing", async () => {
    const result = await lanes(["stack", "up", "--name", name, "--repo", repo.dir, "--agent", "claude"], {
      env: { ...env, PATH: "/nonexistent", HOME: home.path },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Claude Code \(`claude`\) is not installed/);
    expect(await new Tmux(stackPaths(env, name).socket).hasSession(name)).toBe(false);
  });

  it("refuses a Redis that does not answer before anything starts, says why, and leaves nothing running", async () => {
    const dirs = [home.path, repo.dir];
    expect(await processesOfStack(name, dirs)).toEqual([]);
    const result = await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--agent",
        "script",
        "--redis",
        "redis://127.0.0.1:1",
        "--backlog",
        BACKLOG,
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lanes stack up stopped before starting any agent:");
    expect(result.stderr).toMatch(/Redis redis:\/\/127\.0\.0\.1:1 does not answer \(.*cannot reach Redis/);
    expect(await new Tmux(stackPaths(env, name).socket).hasSession(name)).toBe(false);
    expect(await processesOfStack(name, dirs)).toEqual([]);
    // …so starting it again is not refused as "already running"
    const again = await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--agent",
        "script",
        "--redis",
        "redis://127.0.0.1:1",
      ],
      { env },
    );
    expect(again.stderr).not.toContain("already running");
  }, 120_000);
});
