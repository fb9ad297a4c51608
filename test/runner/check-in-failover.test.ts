// A `/lanes schedule` check-in outlives the host that applied it: the supervisor that held the lane is
// killed with kill -9, another host takes the lane over when the lease lapses, and pastes the check-in
// once when it is due. Real redis, tmux, git; a `lanes stack supervise` process; script agents.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { scriptAgent } from "../../src/runner/agents/script-agent.js";
import { lanesCommand } from "../../src/runner/lanes-command.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Supervisor } from "../../src/runner/supervisor.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

const LEASE_MS = 3_000;
const NOTE = "how are the tests?";
const PASTED = `heard: Lanes check-in: ${NOTE}`;
const count = (text: string, part: string) => text.split(part).length - 1;

describe("scheduled check-ins across hosts", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let child: ChildProcess | undefined;
  let store: OpenedStateStore;
  let supervisorB: Supervisor | undefined;
  let ticker: NodeJS.Timeout | undefined;
  const servers: Tmux[] = [];

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-checkin");
    store = await openStateStore({
      url: redis.url,
      prefix: redis.prefix,
      log: silentLogger(),
      leaseMs: LEASE_MS,
      retry: { backoffMs: [200] },
    });
  });
  afterEach(async () => {
    if (ticker) clearInterval(ticker);
    child?.kill("SIGKILL");
    await supervisorB?.stop();
    await store.quit();
    for (const tmux of servers) await tmux.killServer();
    await repo.remove();
    await home.remove();
  });

  it("pastes a check-in once, on the host that took the lane over after the one that applied it died", async () => {
    const env = { ...gitEnv, LANES_HOME: home.path };
    const worktreeRoot = join(home.path, "worktrees");
    const suffix = Math.random().toString(36).slice(2, 8);
    const [alpha, beta] = [`alpha${suffix}`, `beta${suffix}`];
    const pathsA = stackPaths(env, alpha);
    const tmuxA = new Tmux(pathsA.socket);
    servers.push(tmuxA);
    await writeStackRecord(pathsA.record, {
      name: alpha,
      repo: repo.dir,
      repoSlug: "local/demo",
      base: "main",
      worktreeRoot,
      roles: ["developer"],
      agents: 1,
      agent: "script",
      redisUrl: redis.url,
      prefix: redis.prefix,
      hostName: "host-a",
      leaseMs: LEASE_MS,
      tickMs: 300,
      createdAt: Date.now(),
    });
    await tmuxA.newSession({ session: alpha, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    await store.enqueue({
      id: "job-9",
      repo: "local/demo",
      issue: 9,
      role: "developer",
      title: "Check in",
      payload: {
        prp: {
          criteria: ["checked in"],
          // the first input is the check-in; the second keeps the lane open while its pane is read
          script: [
            { write: "one.txt", content: "1\n" },
            { commit: "Step one" },
            { wait_input: true },
            { wait_input: true },
          ],
        },
      },
    });

    const [cmd, ...args] = lanesCommand();
    child = spawn(cmd as string, [...args, "stack", "supervise", "--name", alpha], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    const laneA = await waitUntil(
      async () => (await listLanes(pathsA.lanes)).find((l) => l.state === "idle"),
      "alpha's lane to wait for input",
      60_000,
    );
    // due in ten minutes by any clock: alpha (real time) is killed long before
    const dueAt = Date.now() + 10 * 60_000;
    await store.publishControl("9", {
      id: "comment-1-0",
      actor: "maintainer",
      at: Date.now(),
      message: { op: "schedule", dueAt, note: NOTE },
    });
    await waitUntil(
      async () => (await store.controlCursor("9")) !== "0-0",
      "alpha to apply the command",
      60_000,
    );
    expect(await store.listCheckIns("9")).toEqual([{ id: "comment-1-0", at: dueAt, note: NOTE }]);
    child.kill("SIGKILL");

    let clock = Date.now();
    const pathsB = stackPaths(env, beta);
    const tmuxB = new Tmux(pathsB.socket);
    servers.push(tmuxB);
    await tmuxB.newSession({ session: beta, window: "status", cwd: home.path, command: ["sleep", "3600"] });
    supervisorB = new Supervisor({
      name: beta,
      hostName: "host-b",
      roles: ["developer"],
      agents: 1,
      leaseMs: LEASE_MS,
      claimWaitMs: 300,
      controlWaitMs: 300,
      store,
      log: silentLogger(),
      maxRestarts: 1,
      briefFallbackMs: 60_000,
      hostTimeZone: "UTC",
      now: () => clock,
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot,
        session: beta,
        tmux: tmuxB,
        paths: pathsB,
        agent: scriptAgent(),
        roleBrief: () => "dev",
        paneEnv: {
          GIT_AUTHOR_NAME: "B",
          GIT_AUTHOR_EMAIL: "b@lanes.invalid",
          GIT_COMMITTER_NAME: "B",
          GIT_COMMITTER_EMAIL: "b@lanes.invalid",
        },
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
    });
    await supervisorB.start();
    const b = supervisorB;
    ticker = setInterval(() => void b.tick(), 300);

    const laneB = await waitUntil(
      async () => (await listLanes(pathsB.lanes)).find((l) => l.id === "job-9" && l.state === "idle"),
      "beta to take the lane over",
      60_000,
    );
    expect(laneB).toMatchObject({ branch: laneA.branch, worktree: laneA.worktree });
    await b.tick();
    expect(count(await tmuxB.capture(laneB.paneId, 200), PASTED)).toBe(0);

    clock += 11 * 60_000;
    await waitUntil(
      async () => count(await tmuxB.capture(laneB.paneId, 200), PASTED) > 0,
      "the check-in in beta's pane",
      60_000,
    );
    await waitUntil(async () => (await store.listCheckIns("9")).length === 0, "the check-in removed");
    // more ticks past its time paste nothing more
    for (let i = 0; i < 3; i += 1) await b.tick();
    expect(count(await tmuxB.capture(laneB.paneId, 200), PASTED)).toBe(1);
    expect(count(await tmuxA.capture(laneA.paneId, 200).catch(() => ""), "Lanes check-in")).toBe(0);
  }, 180_000);
});
