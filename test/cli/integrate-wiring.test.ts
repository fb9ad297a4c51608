// lanes integrate reads role order and validation from .github/lanes.yml at the base, PRP facts from a
// backlog folder, and sends conflicting lanes to Redis as resolve jobs.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/observe/logger.js";
import { openStateStore } from "../../src/state/open-state-store.js";
import { gitEnv } from "../support/git.js";
import { lanes } from "../support/cli.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";
import { makeLaneRepo, type LaneRepo } from "../integrate/lane-repo.js";

describe("lanes integrate wiring", () => {
  let repo: LaneRepo | undefined;
  let backlog: TempDir | undefined;
  afterEach(async () => {
    await repo?.remove();
    await backlog?.remove();
  });
  const redis = useRedis();
  const run = (...args: string[]) =>
    lanes(["integrate", "--repo", (repo as LaneRepo).dir, "--date", "2026-03-14", "--json", ...args], {
      env: gitEnv,
    });

  it("takes role order and validation from .github/lanes.yml at the base commit, not the checkout", async () => {
    repo = await makeLaneRepo({
      ".github/lanes.yml": "integration:\n  order: [tester, developer]\n  validation:\n    - test -f t.txt\n",
    });
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    await repo.lane("lanes/tester/2-tests", { "t.txt": "t\n" });
    await writeFile(join(repo.dir, ".github/lanes.yml"), "integration:\n  order: [developer, tester]\n");
    const { code, stdout } = await run("--branches", "lanes/developer/1-api,lanes/tester/2-tests");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      order: ["lanes/tester/2-tests", "lanes/developer/1-api"],
      validation: [{ command: "test -f t.txt", ok: true }],
    });
  });

  it("reports a broken config at the base as an error naming the file", async () => {
    repo = await makeLaneRepo({ ".github/lanes.yml": "integration:\n  order: [nobody]\n" });
    await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    const { code, stderr } = await run("--branches", "lanes/developer/1-api");
    expect(code).toBe(1);
    expect(stderr).toContain(".github/lanes.yml at main");
  });

  it("--backlog gives lanes their PRP's title, dependencies, priority and validation", async () => {
    repo = await makeLaneRepo();
    backlog = await makeTempDir();
    await mkdir(backlog.path, { recursive: true });
    await writeFile(
      join(backlog.path, "01-schema.md"),
      "---\nrole: databaseops\npriority: low\nvalidation: test -f schema.sql\n---\n# Database schema\n",
    );
    await writeFile(
      join(backlog.path, "02-api.md"),
      "---\nrole: developer\npriority: critical\ndepends_on: [schema]\n---\n# Rate-limited API\n",
    );
    await repo.lane("lanes/developer/2-api", { "api.ts": "api\n" });
    await repo.lane("lanes/developer/1-schema", { "schema.sql": "create\n" });
    const { code, stdout } = await run(
      "--branches",
      "lanes/developer/2-api,lanes/developer/1-schema",
      "--backlog",
      backlog.path,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    // The critical API lane still waits for the schema it depends on.
    expect(out.order).toEqual(["lanes/developer/1-schema", "lanes/developer/2-api"]);
    expect(out.lanes).toContainEqual(
      expect.objectContaining({ branch: "lanes/developer/2-api", title: "Rate-limited API" }),
    );
    expect(out.validation).toEqual([expect.objectContaining({ command: "test -f schema.sql", ok: true })]);
  });

  it("--redis queues a resolve job for the conflicting lane's role", async () => {
    repo = await makeLaneRepo({ "a.txt": "a\n" });
    await repo.lane("lanes/developer/1-x", { "a.txt": "x\n" });
    await repo.lane("lanes/tester/2-y", { "a.txt": "y\n" });
    // The CLI keys the store by repository: a name of its own keeps this test apart from others.
    const github = `octo/integrate-${Date.now().toString(36)}`;
    const { code, stdout, stderr } = await lanes(
      [
        "integrate",
        "--repo",
        repo.dir,
        "--date",
        "2026-03-14",
        "--json",
        "--branches",
        "lanes/developer/1-x,lanes/tester/2-y",
        "--redis",
        redis.url,
        "--github-repo",
        github,
      ],
      { env: gitEnv },
    );
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ requeued: 1, conflicts: [{ branch: "lanes/tester/2-y" }] });
    const store = await openStateStore({ url: redis.url, repo: github, log: silentLogger() });
    try {
      const job = await store.getJob("resolve:lanes/tester/2-y:1");
      expect(job).toMatchObject({ kind: "resolve", role: "tester", issue: 2, state: "queued" });
      await store.cancel(job.id);
    } finally {
      await store.quit();
    }
  });

  it("--open-pr without --github-repo is a usage error", async () => {
    repo = await makeLaneRepo();
    const { code, stderr } = await run("--branches", "main", "--open-pr");
    expect(code).toBe(2);
    expect(stderr).toBe("lanes: --open-pr needs --github-repo owner/repo\n");
  });

  it("names a --github-repo that is not owner/repo, even when nothing needs it", async () => {
    repo = await makeLaneRepo();
    const { code, stderr } = await run("--branches", "main", "--github-repo", "octo-org/api/extra");
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--github-repo "octo-org/api/extra" is not a repository name; expected owner/repo',
    );
  });
});
