import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { stopStackRedis } from "../../src/state/index.js";
import { lanes } from "../support/cli.js";
import type { TestRepo } from "../support/git.js";
import { useLocalStack } from "../support/local-stack.js";

const MIXED = resolve("test/fixtures/backlog/with-invalid");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("lanes stack up in local mode with no setup", () => {
  // no Redis given (the test process has no REDIS_URL either)
  const local = useLocalStack({ label: "lanes-local-home" });
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let name: string;

  beforeEach(() => {
    ({ repo, env, name } = local);
  });
  // (runs before the shared clean-up, which removes the directory this redis-server writes to)
  afterEach(() => stopStackRedis(join(stackPaths(env, name).dir, "redis")));

  it("starts its own redis-server (AOF on), says where, stops it with the stack and starts it again on resume", async () => {
    const args = ["--name", name];
    const up = await lanes(
      ["stack", "up", ...args, "--repo", repo.dir, "--agent", "script", "--roles", "developer"],
      {
        env,
      },
    );
    expect(up.stderr).toBe("");
    expect(up.code).toBe(0);
    const dir = join(stackPaths(env, name).dir, "redis");
    expect(up.stdout).toMatch(
      new RegExp(`state: its own redis-server at redis://127\\.0\\.0\\.1:\\d+ \\(AOF on, data in ${dir}\\)`),
    );
    const record = JSON.parse(await readFile(stackPaths(env, name).record, "utf8"));
    expect(record).toMatchObject({
      redisManaged: true,
      redisUrl: expect.stringMatching(/^redis:\/\/127\.0\.0\.1:\d+$/),
    });
    const pid = Number(await readFile(join(dir, "redis.pid"), "utf8"));
    expect(alive(pid)).toBe(true);
    const status = JSON.parse((await lanes(["stack", "status", ...args, "--json"], { env })).stdout);
    expect(status).toMatchObject({ running: true, supervisor: true });

    const down = await lanes(["stack", "down", ...args], { env });
    expect(down.code).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(dir, "appendonlydir"))).toBe(true);

    const resumed = await lanes(["stack", "resume", ...args], { env, cwd: repo.dir });
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    const again = Number(await readFile(join(dir, "redis.pid"), "utf8"));
    expect(alive(again)).toBe(true);
    expect(JSON.parse(await readFile(stackPaths(env, name).record, "utf8")).redisUrl).toBe(record.redisUrl);
  }, 120_000);

  it("refuses a backlog with an invalid PRP before anything starts, naming it file:line", async () => {
    const up = await lanes(
      ["stack", "up", "--name", name, "--repo", repo.dir, "--agent", "script", "--backlog", MIXED],
      {
        env,
      },
    );
    expect(up.code).toBe(1);
    expect(up.stderr).toContain("lanes stack up stopped before starting any agent:");
    expect(up.stderr).toContain(`${join(MIXED, "02-broken.md")}:3: priority:`);
    expect(await new Tmux(stackPaths(env, name).socket).hasSession(name)).toBe(false);
    expect(existsSync(join(stackPaths(env, name).dir, "redis"))).toBe(false);
  });
});
