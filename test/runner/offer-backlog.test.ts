import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors.js";
import { lintBacklog, parsePrp } from "../../src/prp/index.js";
import { loadBacklog } from "../../src/backlog/load-backlog.js";
import { silentLogger } from "../../src/observe/logger.js";
import { offerBacklog } from "../../src/runner/run-supervisor.js";
import { StackRecordSchema } from "../../src/runner/stack-record.js";
import { stackPaths } from "../../src/runner/stack-paths.js";
import { openStateStore, type NewJob, type OpenedStateStore } from "../../src/state/index.js";
import { useRedis } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const FIXTURES = resolve("test/fixtures/runner/backlog");
const LONG_TITLE = `# ${"T".repeat(501)}\n\n## Success Criteria\n\n- [ ] it works\n`;

describe("one bad PRP in a backlog of valid ones (issue 17, item 2)", () => {
  const redis = useRedis();
  let dir: TempDir;
  let store: OpenedStateStore;

  beforeEach(async () => {
    dir = await makeTempDir("lanes-offer");
    await mkdir(join(dir.path, "backlog"));
    for (const file of ["01-greeting.md", "03-docs.md"])
      await copyFile(join(FIXTURES, file), join(dir.path, "backlog", file));
    await writeFile(join(dir.path, "backlog", "02-long-title.md"), LONG_TITLE);
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  });
  afterEach(async () => {
    await store.quit();
    await dir.remove();
  });

  const record = () =>
    StackRecordSchema.parse({
      name: "offer",
      repo: dir.path,
      repoSlug: "local/offer",
      base: "main",
      worktreeRoot: join(dir.path, "worktrees"),
      roles: ["developer", "tester"],
      agents: 2,
      agent: "script",
      backlog: join(dir.path, "backlog"),
      redisUrl: redis.url,
      prefix: redis.prefix,
      hostName: "h",
      createdAt: 0,
    });

  it("lint names the 501-character title as file:line: field: limit, like the queue would refuse it", async () => {
    const files = await loadBacklog(join(dir.path, "backlog"));
    const report = lintBacklog(
      files.map((f) => ({
        id: f.id,
        aliases: f.aliases,
        file: f.file,
        result: parsePrp(f.text, { file: f.file }),
      })),
    );
    const bad = report.files.find((f) => f.file.endsWith("02-long-title.md"));
    expect(bad?.errors).toEqual([{ field: "title", line: 1, message: "at most 256 characters (found 501)" }]);
    expect(report.files.filter((f) => f.ok)).toHaveLength(2);
    await expect(
      store.enqueue({ repo: "local/offer", issue: 2, role: "developer", title: "T".repeat(501) }),
    ).rejects.toThrow(InvalidInputError);
  });

  it("queues the valid PRPs and leaves the invalid one out", async () => {
    const paths = stackPaths({ LANES_HOME: dir.path }, "offer");
    const queued = await offerBacklog(record(), paths, store, silentLogger());
    expect(queued.sort()).toEqual(["backlog-1", "backlog-3"]);
    expect((await store.stats()).queued).toBe(2);
  });

  it("a job the queue refuses at run time fails alone: the others are still queued", async () => {
    const paths = stackPaths({ LANES_HOME: dir.path }, "offer");
    const refusing = {
      enqueue: async (job: NewJob) => {
        if (job.issue === 1) throw new InvalidInputError("cannot enqueue job: title: too long");
        return store.enqueue(job);
      },
    };
    expect(await offerBacklog(record(), paths, refusing, silentLogger())).toEqual(["backlog-3"]);
  });

  it("does not swallow a Redis failure: the offer stops with it", async () => {
    const paths = stackPaths({ LANES_HOME: dir.path }, "offer");
    const broken = {
      enqueue: async () => {
        throw new Error("connection lost");
      },
    };
    await expect(offerBacklog(record(), paths, broken, silentLogger())).rejects.toThrow("connection lost");
  });
});
