import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import { readLaneEvents } from "../../src/runner/lane-events.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Test",
  GIT_AUTHOR_EMAIL: "test@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Test",
  GIT_COMMITTER_EMAIL: "test@lanes.invalid",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
const LANE_WAIT_MS = 150_000;
const TEST_MS = 240_000;

/** A pre-receive hook that rejects the first `rejects` pushes, counting them in the remote's folder. */
async function rejectFirstPushes(remote: string, rejects: number): Promise<void> {
  const hook = join(remote, "hooks", "pre-receive");
  await writeFile(
    hook,
    `#!/bin/sh\nn=$(cat pushes 2>/dev/null || echo 0)\necho $((n+1)) > pushes\nif [ "$n" -lt ${rejects} ]; then echo "remote says no ($n)" >&2; exit 1; fi\n`,
  );
  await chmod(hook, 0o755);
}

describe("a lane whose push fails (real redis, tmux, git; a script agent)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let remote: TestRepo;
  let home: TempDir;
  let paths: StackPaths;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;
  let ticker: NodeJS.Timeout | undefined;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    remote = await makeRepo({ bare: true });
    await repo.git("remote", "add", "origin", remote.dir);
    home = await makeTempDir("lanes-push");
    paths = stackPaths({ LANES_HOME: home.path }, `p${Math.random().toString(36).slice(2, 8)}`);
    tmux = new Tmux(paths.socket);
    const session = paths.socket.replace(/^lanes-/, "");
    await tmux.newSession({ session, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    store = await openStateStore({
      url: redis.url,
      prefix: redis.prefix,
      log: silentLogger(),
      leaseMs: 600_000,
    });
  }, 120_000);
  afterEach(async () => {
    if (ticker) clearInterval(ticker);
    await supervisor?.stop();
    supervisor = undefined;
    await store.quit();
    await tmux.killServer();
    await repo.remove();
    await remote.remove();
    await home.remove();
  }, 120_000);

  async function run(attempts: number): Promise<void> {
    const session = paths.socket.replace(/^lanes-/, "");
    await store.enqueue({
      id: "job-7",
      repo: "local/demo",
      issue: 7,
      role: "developer",
      title: "Pushed feature",
      payload: {
        prp: {
          body: "Build it.",
          criteria: ["it works"],
          script: [{ write: "feature.txt", content: "feature\n" }, { commit: "Add the feature" }],
        },
      },
    });
    const sup = new Supervisor({
      name: session,
      hostName: "host-a",
      roles: ["developer"],
      agents: 1,
      leaseMs: 600_000,
      claimWaitMs: 500,
      store,
      log: silentLogger(),
      maxRestarts: 2,
      briefFallbackMs: 60_000,
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "worktrees"),
        session,
        tmux,
        paths,
        agent: scriptAgent(),
        roleBrief: () => "You are the developer.",
        paneEnv: IDENTITY,
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
      finishRetry: { attempts, backoffMs: 100 },
    });
    supervisor = sup;
    await sup.start();
    ticker = setInterval(() => void sup.tick(), 200);
  }

  const sessionStarts = async () =>
    (await readLaneEvents(paths.events, 0)).events.filter(
      (e) => e.lane === "job-7" && e.event === "SessionStart",
    );

  it(
    "pushes again until the remote accepts, and the agent ran once",
    async () => {
      await rejectFirstPushes(remote.dir, 2);
      await run(5);
      const lane = await waitUntil(
        async () => (await listLanes(paths.lanes)).find((l) => l.state === "done"),
        "the lane to be done",
        LANE_WAIT_MS,
      );
      expect(await readFile(join(remote.dir, "pushes"), "utf8")).toBe("3\n");
      expect(await remote.git("log", "--format=%s", "-1", lane.branch)).toBe("Add the feature");
      expect(lane.finishAttempts).toBe(2);
      expect(lane.restarts).toBe(0);
      expect(await sessionStarts()).toHaveLength(1);
      expect(await store.getJob("job-7")).toMatchObject({ state: "done", attempts: 1 });
    },
    TEST_MS,
  );

  it(
    "gives the job to a human once the tries are used up, its work on the branch, the agent never run again",
    async () => {
      await rejectFirstPushes(remote.dir, 99);
      await run(2);
      const lane = await waitUntil(
        async () => (await listLanes(paths.lanes)).find((l) => l.state === "failed"),
        "the lane to fail",
        LANE_WAIT_MS,
      );
      expect(lane.note).toMatch(
        /^finishing the lane failed: .*remote says no.*\(2 tries; the work is committed on lanes\/developer\/7-pushed-feature\) \(needs-human\)$/s,
      );
      expect(await repo.git("log", "--format=%s", "-1", lane.branch)).toBe("Add the feature");
      expect(await sessionStarts()).toHaveLength(1);
      expect(await store.getJob("job-7")).toMatchObject({ state: "needs-human", attempts: 1 });
    },
    TEST_MS,
  );
});
