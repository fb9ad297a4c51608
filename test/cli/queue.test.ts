import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { freePort } from "../support/free-port.js";
import { useRedis } from "../support/redis.js";

describe("lanes queue", () => {
  const redis = useRedis();
  const run = (...args: string[]) =>
    lanes([...args, "--redis", redis.url, "--prefix", redis.prefix, "--repo", "octo/app"]);

  it("adds jobs, lists them and shows one, in human and JSON form", async () => {
    const added = await run(
      "queue",
      "add",
      "--role",
      "developer",
      "--title",
      "Add rate limiting",
      "--issue",
      "12",
      "--priority",
      "P1",
      "--id",
      "build-12",
    );
    expect(added).toMatchObject({ code: 0, stdout: "added build-12\n" });
    const again = await run("queue", "add", "--role", "developer", "--title", "x", "--id", "build-12");
    expect(again.stdout).toBe("build-12 already exists; nothing changed\n");
    await run(
      "queue",
      "add",
      "--role",
      "tester",
      "--title",
      "Check it",
      "--delay",
      "60",
      "--payload",
      '{"pr":3}',
      "--id",
      "t-1",
    );

    const list = await run("queue", "list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^build-12\s+queued\s+developer\s+high\s+0\/4\s+Add rate limiting$/m);
    expect(list.stdout).toMatch(/^t-1\s+delayed\s+tester/m);
    const delayed = JSON.parse((await run("queue", "list", "--state", "delayed", "--json")).stdout) as {
      id: string;
    }[];
    expect(delayed.map((j) => j.id)).toEqual(["t-1"]);

    const show = JSON.parse((await run("queue", "show", "t-1", "--json")).stdout) as Record<string, unknown>;
    expect(show).toMatchObject({
      id: "t-1",
      repo: "octo/app",
      issue: "manual",
      role: "tester",
      payload: { pr: 3 },
      state: "delayed",
    });
    expect((await run("queue", "show", "build-12")).stdout).toMatch(/^issue\s+12$/m);
  });

  it("reports stats per role", async () => {
    await run("queue", "add", "--role", "developer", "--title", "a");
    await run("queue", "add", "--role", "developer", "--title", "b");
    await run("queue", "add", "--role", "pm", "--title", "c");
    const stats = JSON.parse((await run("queue", "stats", "--json")).stdout) as Record<string, unknown>;
    expect(stats).toMatchObject({
      depth: { developer: 2, pm: 1 },
      queued: 3,
      inFlight: 0,
      needsHuman: 0,
      hostsAlive: 0,
    });
    expect((await run("queue", "stats")).stdout).toContain("queued       3  (pm 1, developer 2)");
  });

  it("cancels an open job once, then explains why it cannot again (exit 1)", async () => {
    await run("queue", "add", "--role", "developer", "--title", "a", "--id", "j");
    expect(await run("queue", "cancel", "j")).toMatchObject({ code: 0, stdout: "cancelled j\n" });
    expect(await run("queue", "cancel", "j")).toMatchObject({
      code: 1,
      stdout: "j is cancelled; only open jobs can be cancelled\n",
    });
  });

  it("retries only jobs that wait (needs-human, delayed, paused)", async () => {
    await run("queue", "add", "--role", "developer", "--title", "a", "--id", "soon", "--delay", "3600");
    expect(await run("queue", "retry", "soon")).toMatchObject({ code: 0, stdout: "queued again soon\n" });
    expect((await run("queue", "retry", "soon")).code).toBe(1);
  });

  it("fails with exit 1 and names the job it does not know", async () => {
    const result = await run("queue", "show", "ghost");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no job "ghost"');
  });

  it("rejects bad arguments with exit 2 and says what is expected", async () => {
    const role = await run("queue", "add", "--role", "wizard", "--title", "x");
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role "wizard"');
    expect((await run("queue", "add", "--role", "pm", "--title", "x", "--payload", "[1]")).stderr).toContain(
      "JSON object",
    );
    expect((await run("queue", "list", "--state", "sleeping")).code).toBe(2);
  });

  it("needs to know the repository", async () => {
    const result = await lanes(["queue", "stats", "--redis", redis.url], {
      env: { LANES_REPO: "", GITHUB_REPOSITORY: "" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--repo owner/repo");
  });

  it("says once, clearly, when Redis cannot be reached", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const result = await lanes(["queue", "stats", "--repo", "octo/app"], { env: { REDIS_URL: url } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(`^lanes: cannot reach Redis at ${url} \\(.*ECONNREFUSED.*\\); start redis-server`),
      ),
    ]);
  });
});

describe("lanes audit", () => {
  const redis = useRedis();
  const run = (...args: string[]) =>
    lanes([...args, "--redis", redis.url, "--prefix", redis.prefix, "--repo", "octo/app"]);

  it("shows job steps in order, filtered by --since", async () => {
    await run("queue", "add", "--role", "developer", "--title", "a", "--id", "j");
    await run("queue", "cancel", "j");
    const entries = JSON.parse((await run("audit", "--json")).stdout) as { type: string; job: string }[];
    expect(entries.map((e) => [e.type, e.job])).toEqual([
      ["enqueued", "j"],
      ["cancelled", "j"],
    ]);
    expect((await run("audit")).stdout).toMatch(
      /Z\s+enqueued\s+j\s+-\s+developer\n.*Z\s+cancelled\s+j\s+-\n/,
    );
    expect(JSON.parse((await run("audit", "--since", "1h", "--json")).stdout)).toHaveLength(2);
    expect(JSON.parse((await run("audit", "--since", "2999-01-01", "--json")).stdout)).toEqual([]);
  });

  it("rejects a --since it cannot read", async () => {
    const result = await run("audit", "--since", "yesterday-ish");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a time");
  });
});
