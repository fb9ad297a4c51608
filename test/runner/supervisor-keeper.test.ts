import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { readyFile } from "../../src/runner/stack-launch.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { isRunning } from "../../src/runner/stack-processes.js";
import { readSupervisorRestarts } from "../../src/runner/supervisor-restarts.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { lanes } from "../support/cli.js";
import type { TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { processesOfStack } from "../support/stack-processes.js";
import { useLocalStack } from "../support/local-stack.js";
import type { TempDir } from "../support/tmp.js";
import { enqueueScriptJobs } from "./script-jobs.js";
import { waitUntil } from "./wait-until.js";

const supervisorPid = async (file: string): Promise<number | undefined> =>
  existsSync(file) ? Number((await readFile(file, "utf8")).trim()) || undefined : undefined;

describe("a supervised supervisor (the stack's keeper window)", () => {
  const redis = useRedis();
  const local = useLocalStack({ label: "lanes-keeper", redis });
  let repo: TestRepo;
  let remote: TestRepo;
  let home: TempDir;
  let env: NodeJS.ProcessEnv;
  let name: string;
  let store: OpenedStateStore;

  beforeEach(async () => {
    ({ repo, remote, home, env, name } = local);
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  });
  afterEach(() => store.quit());

  it("restarts a supervisor killed with kill -9; its lanes are picked up and each PRP is built exactly once", async () => {
    const jobs = await enqueueScriptJobs(store, `local/${name}`, { jobs: 2, steps: 3, pauseMs: 1_500 });
    const up = await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--roles",
        "developer",
        "--agent",
        "script",
        "--agents",
        "2",
      ],
      { env },
    );
    expect(up.stderr).toBe("");
    const paths = stackPaths(env, name);
    const tmux = new Tmux(paths.socket);
    await waitUntil(
      async () => (await tmux.listPanes(name)).some((p) => p.windowName === "keeper" && !p.dead),
      "the supervisor to open its keeper window",
      30_000,
    );
    await waitUntil(
      async () => (await listLanes(paths.lanes)).filter((l) => l.state === "working").length === 2,
      "both lanes to be working",
      60_000,
    );
    const killed = (await supervisorPid(readyFile(paths))) as number;
    const killedAt = Date.now();
    process.kill(killed, "SIGKILL");

    const restarted = await waitUntil(
      async () => {
        const pid = await supervisorPid(readyFile(paths));
        return pid !== undefined && pid !== killed && isRunning(pid) ? Date.now() : undefined;
      },
      "the keeper to restart the supervisor",
      60_000,
    );
    const pickedUp = await waitUntil(
      async () => {
        const moved = (await listLanes(paths.lanes)).some(
          (l) => (l.lastEventAt ?? 0) > restarted || l.state === "done",
        );
        return moved ? Date.now() : undefined;
      },
      "a lane to move again",
      60_000,
    );
    const [restart] = await readSupervisorRestarts(paths);
    const seconds = (ms: number) => `${((ms - killedAt) / 1000).toFixed(1)} s`;
    process.stdout.write(
      `supervisor killed: found dead after ${seconds(restart?.foundDeadAt ?? NaN)}, restarted after ${seconds(restart?.at ?? NaN)}, running again after ${seconds(restarted)}, a lane moved again after ${seconds(pickedUp)}\n`,
    );
    expect(restarted - killedAt).toBeLessThan(60_000);

    const done = await waitUntil(
      async () => {
        const all = await listLanes(paths.lanes);
        return all.length === 2 && all.every((l) => l.state === "done") ? all : undefined;
      },
      "both lanes to finish",
      120_000,
    );
    for (const lane of done) {
      // one branch per PRP, pushed as built, holding each step's commit exactly once
      expect(await remote.git("rev-parse", lane.branch)).toBe(await repo.git("rev-parse", lane.branch));
      const subjects = (await repo.git("log", "--format=%s", `main..${lane.branch}`)).split("\n").reverse();
      expect(subjects).toEqual(jobs.commits.get(lane.id));
    }
    for (const lane of done)
      expect(await store.getJob(lane.id)).toMatchObject({ state: "done", attempts: 1 });
    const audit = await store.readAudit({ since: killedAt });
    expect(audit.filter((e) => e.type === "supervisor-restarted")).toHaveLength(1);
    const status = JSON.parse((await lanes(["stack", "status", "--name", name, "--json"], { env })).stdout);
    expect(status).toMatchObject({ supervisor: true, supervisorRestarts: { count: 1 } });
    expect(status.supervisorRestarts.last.reason).toMatch(/died|exited/);
  }, 300_000);

  it("a supervisor sent SIGTERM ends the whole stack: no agent, keeper or tmux server is left", async () => {
    await enqueueScriptJobs(store, `local/${name}`, { jobs: 2, steps: 2, pauseMs: 60_000 });
    const dirs = [home.path, repo.dir];
    expect(await processesOfStack(name, dirs)).toEqual([]);
    await lanes(
      [
        "stack",
        "up",
        "--name",
        name,
        "--repo",
        repo.dir,
        "--roles",
        "developer",
        "--agent",
        "script",
        "--agents",
        "2",
      ],
      { env },
    );
    const paths = stackPaths(env, name);
    const tmux = new Tmux(paths.socket);
    await waitUntil(
      async () => (await tmux.listPanes(name)).some((p) => p.windowName === "keeper" && !p.dead),
      "the keeper window",
      30_000,
    );
    await waitUntil(
      async () => (await listLanes(paths.lanes)).filter((l) => l.state === "working").length === 2,
      "both agents to run",
      60_000,
    );
    expect((await processesOfStack(name, dirs)).length).toBeGreaterThan(4);
    process.kill((await supervisorPid(readyFile(paths))) as number, "SIGTERM");
    const left = await waitUntil(
      async () => {
        const running = await processesOfStack(name, dirs);
        return running.length === 0 ? running : undefined;
      },
      "every process of the stack to end",
      30_000,
    ).catch(async () => processesOfStack(name, dirs));
    expect(left).toEqual([]);
    expect(await tmux.hasSession(name)).toBe(false);
  }, 180_000);
});
