// `lanes stack up` on a terminal shows the preflight, Redis and the wait for the supervisor as steps with
// their times, then the stack it started; in a pipe only the latter, as it always did.
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stackPaths } from "../../../src/runner/stack-paths.js";
import { Tmux } from "../../../src/runner/tmux.js";
import { stopStackRedis } from "../../../src/state/index.js";
import { gitEnv, makeRepo, type TestRepo } from "../../support/git.js";
import { runInTerminal } from "../../support/terminal.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

const CLI = resolve("dist/src/cli/main.js");

describe("lanes stack up progress", () => {
  let repo: TestRepo;
  let home: TempDir;
  let env: NodeJS.ProcessEnv;
  let name: string;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-progress-home");
    name = `p${Math.random().toString(36).slice(2, 8)}`;
    env = {
      ...gitEnv,
      LANES_HOME: home.path,
      LANES_PREFIX: `lanes-test-${name}`,
      LANES_TICK_MS: "300",
      LANES_WORKTREE_ROOT: join(home.path, "worktrees"),
    };
    delete env.REDIS_URL;
  });
  afterEach(async () => {
    await new Tmux(stackPaths(env, name).socket).killServer();
    await stopStackRedis(join(stackPaths(env, name).dir, "redis"));
    await repo.remove();
    await home.remove();
  });

  it(
    "shows each step with its time while the stack comes up, then the stack",
    { timeout: 120_000 },
    async () => {
      const run = await runInTerminal(
        [
          "node",
          CLI,
          "stack",
          "up",
          "--name",
          name,
          "--repo",
          repo.dir,
          "--agent",
          "script",
          "--roles",
          "developer",
        ],
        { env, cwd: repo.dir, timeoutMs: 100_000 },
      );
      expect(run.code).toBe(0);
      const screen = run.screen.split("\n");
      const time = String.raw` +\d+(\.\d)?s$`;
      expect(screen.slice(0, 3)).toEqual([
        expect.stringMatching(new RegExp(`^  ✓ preflight: base, remote, agent, backlog: base main${time}`)),
        expect.stringMatching(
          new RegExp(`^  ✓ Redis: own redis-server at redis://127\\.0\\.0\\.1:\\d+${time}`),
        ),
        expect.stringMatching(
          new RegExp(`^  ✓ start tmux and wait for the supervisor: 1 agent\\(s\\) for developer${time}`),
        ),
      ]);
      expect(screen[3]).toBe(`stack ${name} is running: 1 agent(s) for developer (script)`);
      // the wait was watched: the view was drawn again over itself while the supervisor started
      expect(run.raw.split("\x1b[").filter((s) => /^\d+A\r/.test(s)).length).toBeGreaterThan(3);
    },
  );
});
