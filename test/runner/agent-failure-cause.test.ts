import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { claudeAgent } from "../../src/runner/agents/claude-agent.js";
import { listLanes } from "../../src/runner/lane-record.js";
import type { LaneReport } from "../../src/runner/lane-reporter.js";
import { stackPaths, type StackPaths } from "../../src/runner/stack-paths.js";
import { renderStackStatus, stackStatus } from "../../src/runner/stack-status.js";
import { Supervisor } from "../../src/runner/supervisor.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { catV, isPrintable } from "../support/cat-v.js";
import { waitUntil } from "./wait-until.js";

// A `claude` that passes the start check (installed, logged in) and then, as the lane's agent, prints
// what Claude Code prints without a network, plus hostile escapes, and exits 1.
const FAKE_CLAUDE = `#!/bin/sh
case "$1" in
  --version) echo "2.0.0 (Claude Code)"; exit 0 ;;
  auth) echo '{"loggedIn":true}'; exit 0 ;;
esac
printf 'Welcome\\n'
printf '\\033]0;pwned\\007\\033[2JUnable to connect to Anthropic services\\n'
printf 'Failed to connect to api.anthropic.com: ERR_NETWORK\\n'
exit 1
`;

describe("a dead agent says why (issue 17, item 3)", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let paths: StackPaths;
  let tmux: Tmux;
  let store: OpenedStateStore;
  let supervisor: Supervisor | undefined;
  let ticker: NodeJS.Timeout | undefined;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-cause");
    paths = stackPaths({ LANES_HOME: home.path }, `c${Math.random().toString(36).slice(2, 8)}`);
    tmux = new Tmux(paths.socket);
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  }, 60_000);
  afterEach(async () => {
    if (ticker) clearInterval(ticker);
    await supervisor?.stop();
    await store.quit();
    await tmux.killServer();
    await repo.remove();
    await home.remove();
  }, 60_000);

  it("an agent that cannot reach the service is not restarted: the cause and its last lines are on the job, the lane, the status and the PRP", async () => {
    const bin = join(home.path, "bin");
    await mkdir(bin);
    await writeFile(join(bin, "claude"), FAKE_CLAUDE);
    await chmod(join(bin, "claude"), 0o755);
    const PATH = `${bin}:${process.env.PATH ?? ""}`;
    const session = paths.socket.replace(/^lanes-/, "");
    await tmux.newSession({ session, window: "status", cwd: home.path, command: ["sleep", "600"] });
    await store.enqueue({
      id: "job-7",
      repo: "local/demo",
      issue: 7,
      role: "developer",
      title: "Offline",
      payload: { prp: { body: "Build it.", criteria: ["it works"] } },
    });
    const reports: LaneReport[] = [];
    const claude = claudeAgent();
    supervisor = new Supervisor({
      name: session,
      hostName: "host-a",
      roles: ["developer"],
      agents: 1,
      leaseMs: 600_000,
      claimWaitMs: 300,
      store,
      log: silentLogger(),
      maxRestarts: 3,
      briefFallbackMs: 600_000,
      env: { ...process.env, PATH },
      reporter: { report: async (_job, report) => void reports.push(report) },
      host: {
        repo: repo.dir,
        base: "main",
        worktreeRoot: join(home.path, "worktrees"),
        session,
        tmux,
        paths,
        // tmux execs the program from its own server's PATH, not the pane's: name the fake by its path.
        agent: { ...claude, command: (input) => [join(bin, "claude"), ...claude.command(input).slice(1)] },
        roleBrief: () => "",
        paneEnv: { PATH, ...gitEnv },
      },
      finish: { repo: repo.dir, base: "main", env: gitEnv },
    });
    await supervisor.start();
    const sup = supervisor;
    ticker = setInterval(() => void sup.tick(), 200);
    const lane = await waitUntil(
      async () => (await listLanes(paths.lanes)).find((l) => l.state === "failed"),
      "the lane to fail",
      60_000,
    );
    expect(lane.restarts).toBe(0);
    expect(lane.cause).toBe("no-network");
    expect(lane.lastLines).toContain("Unable to connect to Anthropic services");
    expect(isPrintable(lane.lastLines ?? "")).toBe(true);
    expect(lane.note).toContain("restarting cannot fix this");

    const job = await store.getJob("job-7");
    expect(job.state).toBe("needs-human");
    expect(job.attempts).toBe(1);
    expect(job.lastError).toContain("cannot reach its service");
    expect(job.lastError).toContain("Failed to connect to api.anthropic.com");

    const status = stackStatus(session, await listLanes(paths.lanes), [], Date.now());
    expect(status.lanes[0]).toMatchObject({ cause: "no-network", state: "failed" });
    const table = renderStackStatus(status);
    expect(table).toContain("↳ cause: no-network");
    expect(table).toContain("│ Failed to connect to api.anthropic.com: ERR_NETWORK");
    expect(catV(table)).toBe(table);

    expect(reports.at(-1)).toMatchObject({
      kind: "gave-up",
      cause: "no-network",
      reason: expect.stringContaining("restarting cannot fix this") as unknown,
    });
  }, 120_000);
});
