import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inferStateTarget } from "../../../src/cli/state/infer-state-target.js";
import { writeStackRecord } from "../../../src/runner/stack-record.js";
import { stackNameFor, stackPaths } from "../../../src/runner/stack-paths.js";
import { openStateStore } from "../../../src/state/index.js";
import { silentLogger } from "../../../src/observe/logger.js";
import { githubRepoOfRemote } from "../../../src/text/github-remote.js";
import { lanes } from "../../support/cli.js";
import { makeRepo, type TestRepo } from "../../support/git.js";
import { useRedis } from "../../support/redis.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

describe("queue commands find their repository without --repo", () => {
  const redis = useRedis();
  let repo: TestRepo;
  let home: TempDir;

  beforeEach(async () => {
    repo = await makeRepo();
    await repo.commit("init", { "README.md": "# Demo\n" });
    home = await makeTempDir("lanes-infer");
  });
  afterEach(async () => {
    await repo.remove();
    await home.remove();
  });

  it("reads owner/repo from a GitHub remote in https, ssh and scp-like form", () => {
    for (const url of [
      "https://github.com/acme/widgets.git",
      "https://x-access-token:abc@github.com/acme/widgets",
      "git@github.com:acme/widgets.git",
      "ssh://git@github.com/acme/widgets",
    ])
      expect(githubRepoOfRemote(url)).toBe("acme/widgets");
    expect(githubRepoOfRemote("/tmp/remote.git")).toBeUndefined();
    expect(githubRepoOfRemote("https://gitlab.com/acme/widgets.git")).toBeUndefined();
  });

  it("takes the repository from the git remote, origin first", async () => {
    await repo.git("remote", "add", "backup", "git@github.com:someone/fork.git");
    await repo.git("remote", "add", "origin", "https://github.com/acme/widgets.git");
    expect(await inferStateTarget(repo.dir, { LANES_HOME: home.path })).toEqual({
      repo: "acme/widgets",
      from: "git remote origin",
    });
  });

  it("`queue stats` in a stack's repository reads that stack's queues and Redis", async () => {
    const env = { LANES_HOME: home.path };
    const name = stackNameFor(repo.dir);
    await writeStackRecord(stackPaths(env, name).record, {
      name,
      repo: repo.dir,
      repoSlug: `local/${name}`,
      base: "main",
      worktreeRoot: home.path,
      roles: ["developer"],
      agents: 1,
      agent: "script",
      redisUrl: redis.url,
      redisManaged: true,
      prefix: redis.prefix,
      hostName: "host-a",
      createdAt: Date.now(),
    });
    const store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
    await store.enqueue({ repo: `local/${name}`, issue: 1, role: "developer", title: "One", payload: {} });
    await store.quit();
    const stats = await lanes(["queue", "stats", "--json"], { env, cwd: repo.dir });
    expect(stats.stderr).toBe("");
    expect(JSON.parse(stats.stdout)).toMatchObject({ queued: 1, depth: { developer: 1 } });
  });

  it("says what it looked for when there is neither a stack nor a GitHub remote", async () => {
    const stats = await lanes(["queue", "stats"], { env: { LANES_HOME: home.path }, cwd: repo.dir });
    expect(stats.code).toBe(2);
    expect(stats.stderr).toContain("no stack and no GitHub remote was found for the current directory");
  });
});
