// startLocalRedis: a server that never becomes ready is killed, not left running behind the error.
import { chmod, readFile, writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalRedisError, startLocalRedis } from "../../src/state/local-redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("local redis-server", () => {
  const dirs: TempDir[] = [];
  const path = process.env.PATH;
  afterEach(async () => {
    process.env.PATH = path;
    for (const dir of dirs.splice(0)) await dir.remove();
  });

  it("kills a redis-server that does not answer PING in time, and says so", async () => {
    const dir = await makeTempDir("lanes-fake-redis");
    dirs.push(dir);
    const pidFile = join(dir.path, "pid");
    // a "redis-server" that runs but never listens
    await writeFile(join(dir.path, "redis-server"), `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`);
    await chmod(join(dir.path, "redis-server"), 0o755);
    process.env.PATH = `${dir.path}${delimiter}${path ?? ""}`;
    const started = startLocalRedis({ dir: dir.path, readyTimeoutMs: 300 });
    await expect(started).rejects.toBeInstanceOf(LocalRedisError);
    await expect(started).rejects.toThrow(/did not answer on 127\.0\.0\.1:\d+ within 300 ms/);
    const pid = Number((await readFile(pidFile, "utf8")).trim());
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });
});
