import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { detachedLauncher } from "../../src/runner/detached-launcher.js";
import { lanesCommand } from "../../src/runner/lanes-command.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { readStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { isRunning } from "../../src/runner/stack-processes.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { enqueueScriptJobs } from "./script-jobs.js";
import { waitUntil } from "./wait-until.js";

/** What an Actions runner does when a job ends: every process whose environment carries its id dies. */
async function killTracked(trackingId: string): Promise<number[]> {
  const killed: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "utf8").catch(() => "");
    if (!environ.split("\0").includes(`RUNNER_TRACKING_ID=${trackingId}`)) continue;
    try {
      process.kill(Number(entry), "SIGKILL");
      killed.push(Number(entry));
    } catch {
      // already gone
    }
  }
  return killed;
}

describe("a stack started in an Actions job (the way lanes-stack.yml starts it)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let store: OpenedStateStore;
  let name: string;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-detached");
    name = `d${Math.random().toString(36).slice(2, 8)}`;
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  });
  afterEach(async () => {
    await new Tmux(stackPaths({ LANES_HOME: home.path }, name).socket).killServer();
    await store.quit();
    await repo.remove();
    await home.remove();
  });

  it("survives the killing of the job's process group and of every process carrying its RUNNER_TRACKING_ID; worktrees live outside the workspace", async () => {
    const trackingId = `github_${randomUUID()}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...gitEnv,
      LANES_HOME: home.path,
      REDIS_URL: redis.url,
      LANES_PREFIX: redis.prefix,
      LANES_TICK_MS: "300",
      LANES_LOG_LEVEL: "info",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TRACKING_ID: trackingId,
    };
    delete env.LANES_WORKTREE_ROOT;
    // The job's step: a shell in its own process group that starts the stack, next to another job process.
    const lanes = lanesCommand().join(" ");
    const step = spawn(
      "bash",
      [
        "-c",
        `sleep 600 & ${lanes} stack up --name ${name} --repo "$GITHUB_WORKSPACE" --roles developer --agent script --agents 1; echo "up:$?"; wait`,
      ],
      { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    step.stdout.on("data", (c: Buffer) => (out += c.toString()));
    step.stderr.on("data", (c: Buffer) => (out += c.toString()));
    await waitUntil(async () => out.includes("up:"), "stack up to return", 120_000);
    expect(out).toContain("up:0");

    const paths = stackPaths(env, name);
    const tmux = new Tmux(paths.socket);
    await waitUntil(
      async () => (await tmux.listPanes(name)).some((p) => p.windowName === "keeper" && !p.dead),
      "the stack to be fully up",
      60_000,
    );
    const server = (await tmux.serverPid()) as number;
    expect((await readFile(`/proc/${server}/environ`, "utf8")).split("\0")).not.toContain(
      `RUNNER_TRACKING_ID=${trackingId}`,
    );
    // The job ends: every process it can track is killed (the step's shell and its `sleep` among them),
    // then its process group.
    expect((await killTracked(trackingId)).length).toBeGreaterThanOrEqual(2);
    try {
      process.kill(-(step.pid as number), "SIGKILL");
    } catch {
      // the group is already empty
    }
    await waitUntil(async () => !isRunning(step.pid as number), "the job's shell to be gone", 10_000);

    expect(isRunning(server)).toBe(true);
    const record = await readStackRecord(paths.record, name);
    expect(record.worktreeRoot).toBe(join(paths.dir, "worktrees"));
    const jobs = await enqueueScriptJobs(store, `local/${name}`, { jobs: 1, steps: 2, pauseMs: 200 });
    const [lane] = await waitUntil(
      async () => {
        const all = await listLanes(paths.lanes);
        return all.length === 1 && all[0]?.state === "done" ? all : undefined;
      },
      "the surviving stack to build a lane",
      120_000,
    );
    expect(lane?.worktree.startsWith(join(paths.dir, "worktrees"))).toBe(true);
    expect((await repo.git("log", "--format=%s", `main..${lane?.branch}`)).split("\n").reverse()).toEqual(
      jobs.commits.get("job-1"),
    );
  }, 240_000);

  it("starts the server in a systemd --user scope inside a job where systemd answers, and plainly elsewhere", async () => {
    const bin = join(home.path, "bin");
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, "systemctl"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    const job = { GITHUB_ACTIONS: "true", PATH: `${bin}:${process.env.PATH}` };
    const launcher = await detachedLauncher("web", job);
    expect(launcher.slice(0, 4)).toEqual(["systemd-run", "--user", "--scope", "--quiet"]);
    expect(launcher.at(-1)).toBe("--");
    expect(await detachedLauncher("web", { PATH: `${bin}:${process.env.PATH}` })).toEqual([]);
    expect(await detachedLauncher("web", { GITHUB_ACTIONS: "true", PATH: "/nonexistent" })).toEqual([]);
  });
});
