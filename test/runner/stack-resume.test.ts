import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { listLanes } from "../../src/runner/lane-record.js";
import { writeStackRecord } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { Tmux } from "../../src/runner/tmux.js";
import { openStateStore, type OpenedStateStore } from "../../src/state/index.js";
import { lanes } from "../support/cli.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { waitUntil } from "./wait-until.js";

describe("lanes stack resume after a reboot", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;
  let store: OpenedStateStore;
  let tmux: Tmux;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-resume");
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  });
  afterEach(async () => {
    await tmux.killServer();
    await store.quit();
    await repo.remove();
    await home.remove();
  });

  it("relaunches the stack; the lane whose window vanished resumes its own session and finishes", async () => {
    const env = { ...gitEnv, LANES_HOME: home.path };
    const paths = stackPaths(env, "gamma");
    tmux = new Tmux(paths.socket);
    await writeStackRecord(paths.record, {
      name: "gamma",
      repo: repo.dir,
      repoSlug: "local/demo",
      base: "main",
      worktreeRoot: join(home.path, "wt"),
      roles: ["developer"],
      agents: 1,
      agent: "script",
      redisUrl: redis.url,
      prefix: redis.prefix,
      hostName: "host-g",
      tickMs: 300,
      createdAt: Date.now(),
    });
    await store.enqueue({
      id: "job-3",
      repo: "local/demo",
      issue: 3,
      role: "developer",
      title: "Outlive a reboot",
      payload: {
        prp: {
          script: [
            { write: "a.txt", content: "a\n" },
            { commit: "Before the reboot" },
            { wait_input: true },
            { write: "b.txt", content: "b\n" },
            { commit: "After the reboot" },
          ],
        },
      },
    });
    const first = await lanes(["stack", "resume", "--name", "gamma", "--json"], { env });
    expect(JSON.parse(first.stdout)).toMatchObject({ name: "gamma", relaunched: true });
    const before = await waitUntil(
      async () => (await listLanes(paths.lanes)).find((l) => l.state === "idle"),
      "the lane to wait for input",
      60_000,
    );

    await tmux.killServer(); // the host reboots: every window and the supervisor are gone
    const again = await lanes(["stack", "resume", "--name", "gamma", "--json"], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ relaunched: true });
    const resumed = await waitUntil(
      async () => (await listLanes(paths.lanes)).find((l) => l.restarts === 1 && l.state === "idle"),
      "the lane to resume",
      60_000,
    );
    expect(resumed).toMatchObject({
      sessionId: before.sessionId,
      branch: before.branch,
      worktree: before.worktree,
    });

    const said = await lanes(["say", "developer-3", "--name", "gamma", "go on"], { env });
    expect(said.code).toBe(0);
    const done = await waitUntil(
      async () => (await listLanes(paths.lanes)).find((l) => l.state === "done"),
      "the lane to finish",
      60_000,
    );
    expect(await repo.git("log", "--format=%s", "-2", done.branch)).toBe(
      "After the reboot\nBefore the reboot",
    );

    // add-roles restarts only the supervisor, which then serves the new role too
    const added = await lanes(["stack", "add-roles", "tester", "--name", "gamma"], { env });
    expect(added).toMatchObject({ code: 0, stdout: "stack gamma now serves developer, tester\n" });
    await store.enqueue({
      id: "job-4",
      repo: "local/demo",
      issue: 4,
      role: "tester",
      title: "Tested later",
      payload: { prp: { criteria: ["it is tested"] } },
    });
    await waitUntil(
      async () => (await listLanes(paths.lanes)).find((l) => l.id === "job-4" && l.state === "done"),
      "the tester lane to finish",
      60_000,
    );
    const bad = await lanes(["stack", "add-roles", "nobody", "--name", "gamma"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected roles such as developer,tester/);
  }, 180_000);
});
