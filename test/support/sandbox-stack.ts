// A real stack of script agents on a sandbox repository, started the way a user starts one: `lanes stack up`
// as a child process in a clone of the repository, with a token for GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY,
// GITHUB_API_URL), the run's redis-server, a private tmux server (the stack's own socket) and its own
// LANES_HOME. Its supervisor's clock can be moved forward through LANES_CLOCK_OFFSET_FILE.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runLanesChild } from "../../src/cli/demo/child-cli.js";
import { listLanes, type LaneRecord } from "../../src/runner/lane-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { CLOCK_OFFSET_ENV } from "../../src/runner/supervisor-clock.js";
import { Tmux } from "../../src/runner/tmux.js";
import { gitEnv, makeRepo, type TestRepo } from "./git.js";
import { redisUrl } from "./redis.js";
import { makeTempDir } from "./tmp.js";

export interface SandboxStack {
  name: string;
  /** The clone the stack works in (its origin is the sandbox repository). */
  clone: TestRepo;
  lanes(): Promise<LaneRecord[]>;
  /** The visible text of a lane's pane and its recent history. */
  pane(lane: LaneRecord): Promise<string>;
  /** Moves the supervisor's clock this many milliseconds ahead of the real one. */
  setClockOffset(ms: number): Promise<void>;
  /** The supervisor's log (for a failing assertion's message). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export async function startSandboxStack(options: {
  cloneUrl: string;
  fullName: string;
  apiUrl: string;
  token: string;
  roles: readonly string[];
  agents: number;
}): Promise<SandboxStack> {
  const home = await makeTempDir("lanes-e2e-stack");
  const clone = await makeRepo();
  const name = `e${Math.random().toString(36).slice(2, 8)}`;
  const clockFile = join(home.path, "clock-offset-ms");
  await writeFile(clockFile, "0\n");
  const env: NodeJS.ProcessEnv = {
    ...gitEnv,
    LANES_HOME: join(home.path, "home"),
    LANES_WORKTREE_ROOT: join(home.path, "worktrees"),
    // slower ticks than the demo: on a loaded host fast ones queue up and commands wait behind them
    LANES_TICK_MS: "2000",
    LANES_LOG_LEVEL: "info",
    GITHUB_TOKEN: options.token,
    GITHUB_REPOSITORY: options.fullName,
    GITHUB_API_URL: options.apiUrl,
    [CLOCK_OFFSET_ENV]: clockFile,
  };
  const paths = stackPaths(env, name);
  const tmux = new Tmux(paths.socket);
  const stop = async () => {
    await runLanesChild(["stack", "down", "--name", name], { env, cwd: clone.dir });
    await tmux.killServer();
    await clone.remove();
    await home.remove();
  };
  try {
    await clone.git("remote", "add", "origin", options.cloneUrl);
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", "main", "origin/main");
    const up = await runLanesChild(
      [
        ...["stack", "up", "--name", name, "--repo", clone.dir, "--agent", "script"],
        ...["--roles", options.roles.join(","), "--agents", String(options.agents)],
        ...["--redis", redisUrl(), "--json"],
      ],
      { env, cwd: clone.dir },
    );
    if (up.code !== 0) throw new Error(`lanes stack up failed (${up.code}): ${up.stderr || up.stdout}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name,
    clone,
    lanes: () => listLanes(paths.lanes),
    pane: (lane) => tmux.capture(lane.paneId, 200),
    setClockOffset: (ms) => writeFile(clockFile, `${ms}\n`),
    log: () => readFile(join(paths.dir, "supervisor.log"), "utf8").catch(() => ""),
    stop,
  };
}
