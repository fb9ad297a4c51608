// The App end to end: the sandbox sends its signed webhooks to `lanes serve` (in process, as the CLI starts
// it), which keeps state in a real redis-server. Labels, queues, status comments and unblocked dependents
// happen because of webhooks; the REST calls the App makes are read from its request counter (/metrics).
import { randomUUID } from "node:crypto";
import type { Octokit } from "@octokit/rest";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServeHandle } from "../../src/app/serve/start-serve.js";
import { silentLogger } from "../../src/observe/logger.js";
import { sandboxInstallationToken, type Sandbox } from "../../src/sandbox/index.js";
import { createStateStore, repoPrefix, type StateStore } from "../../src/state/index.js";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { redisUrl } from "../support/redis.js";
import { settle, startSandboxApp, type SandboxApp } from "../support/sandbox-app.js";

const OWNER = "sandbox-admin";

/** The App's REST calls so far, from lanes_github_requests_total on its registry. */
async function appRequests(serve: ServeHandle): Promise<number> {
  const metric = (await serve.metrics.registry.getMetricsAsJSON()).find(
    (m) => m.name === "lanes_github_requests_total",
  ) as { values: { value: number }[] } | undefined;
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

describe("the App end to end (sandbox webhooks → lanes serve → Redis)", () => {
  const name = `e2e-${randomUUID().slice(0, 8)}`;
  const repo = { owner: OWNER, repo: name };
  const fullName = `${OWNER}/${name}`;
  let app: SandboxApp;
  let sandbox: Sandbox;
  let serve: ServeHandle;
  let user: Octokit;
  let clone: TestRepo;
  let redis: Redis;
  let store: StateStore;

  beforeAll(async () => {
    app = await startSandboxApp({ repos: [{ owner: OWNER, name }] });
    ({ sandbox, serve } = app);
    const info = sandbox.info();
    user = app.as(OWNER);
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    store = createStateStore({ redis, prefix: repoPrefix(fullName), log: silentLogger() });
  }, 60_000);
  afterAll(async () => {
    store?.close();
    redis?.disconnect();
    await clone?.remove();
    await app?.stop();
  });

  const labelsOf = (n: number) =>
    (sandbox.state.repos.get(fullName)?.issues.get(n)?.labels ?? []).filter((l) => l.startsWith("lanes:"));
  const statusComments = (n: number) =>
    [...(sandbox.state.repos.get(fullName)?.comments.values() ?? [])].filter(
      (c) => c.issueNumber === n && c.body.startsWith("<!-- lanes:status -->"),
    ).length;
  const queue = async () =>
    (await store.listJobs({ state: "queued" })).map((j) => `${j.role}:#${String(j.issue)}`).sort();

  async function prp(title: string, front: string): Promise<number> {
    const body = `---\n${front}\n---\n# ${title}\n\n## Goal\nBuild ${title}.\n`;
    const { data } = await user.rest.issues.create({ ...repo, title, body, labels: ["prp"] });
    await settle(sandbox);
    return data.number;
  }

  /** A lane branch with one commit and its PR "Closes #n" (what a supervisor pushes and opens). */
  async function lanePr(issue: number, slug: string): Promise<{ number: number; branch: string }> {
    const branch = `lanes/developer/${issue}-${slug}`;
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", branch, "origin/main");
    await clone.commit(slug, { [`${slug}.txt`]: `${slug}\n` });
    await clone.git("push", "-q", "-f", "origin", `HEAD:refs/heads/${branch}`);
    const { data } = await user.rest.pulls.create({
      ...repo,
      head: branch,
      base: "main",
      title: slug,
      body: `Closes #${issue}`,
    });
    await settle(sandbox);
    return { number: data.number, branch };
  }

  it("installation.created synced Lanes' labels", () => {
    const labels = [...(sandbox.state.repos.get(fullName)?.labels.keys() ?? [])];
    expect(labels).toEqual(expect.arrayContaining(["prp", "lanes:queued", "lanes:blocked", "lanes:done"]));
  });

  it("label → lanes:queued and one status comment; then its PR merges → lanes:done, closed (REST calls counted)", async () => {
    const before = await appRequests(serve);
    const n = await prp("Schema", "role: developer");
    expect(labelsOf(n)).toEqual(["lanes:queued"]);
    expect(statusComments(n)).toBe(1);
    expect(await queue()).toContain(`developer:#${n}`);
    const pr = await lanePr(n, "schema");
    await user.rest.pulls.merge({ ...repo, pull_number: pr.number });
    await settle(sandbox);
    expect(labelsOf(n)).toEqual(["lanes:done"]);
    expect(statusComments(n)).toBe(1);
    expect(sandbox.state.repos.get(fullName)?.issues.get(n)?.state).toBe("closed");
    // the goal is at most 12 (7 when measured: labels, the status comment, closing the issue)
    const rest = (await appRequests(serve)) - before;
    expect(rest).toBeGreaterThan(0);
    expect(rest).toBeLessThanOrEqual(12);
  });

  it("a PRP that depends on an open one is blocked, and queued once the dependency's PR merges", async () => {
    const dep = await prp("Store", "role: developer");
    const dependent = await prp("Render", `role: developer\ndepends_on: [${dep}]`);
    expect(labelsOf(dependent)).toEqual(["lanes:blocked"]);
    expect(await queue()).not.toContain(`developer:#${dependent}`);
    const pr = await lanePr(dep, "store");
    await user.rest.pulls.merge({ ...repo, pull_number: pr.number });
    await settle(sandbox);
    expect(labelsOf(dep)).toEqual(["lanes:done"]);
    expect(labelsOf(dependent)).toEqual(["lanes:queued"]);
    expect(await queue()).toContain(`developer:#${dependent}`);
    expect(statusComments(dependent)).toBe(1);
  });

  it("merging an integration PR closes every issue it contains and queues their dependents", async () => {
    const a = await prp("Export", "role: developer");
    const b = await prp("Import", "role: developer");
    const after = await prp("Sync", `role: developer\ndepends_on: [${a}, ${b}]`);
    expect(labelsOf(after)).toEqual(["lanes:blocked"]);
    const lanesPrs = [await lanePr(a, "export"), await lanePr(b, "import")];
    const integration = `lanes/integration/${name}`;
    await clone.git("checkout", "-q", "-B", integration, "origin/main");
    for (const l of lanesPrs)
      await clone.git("merge", "-q", "--no-ff", "-m", `merge ${l.branch}`, `origin/${l.branch}`);
    await clone.git("push", "-q", "origin", `HEAD:refs/heads/${integration}`);
    const { data: pull } = await user.rest.pulls.create({
      ...repo,
      head: integration,
      base: "main",
      title: "Integration",
      body: "Two lanes.",
    });
    await user.rest.pulls.merge({ ...repo, pull_number: pull.number });
    await settle(sandbox);
    for (const n of [a, b]) {
      expect(labelsOf(n)).toEqual(["lanes:done"]);
      expect(sandbox.state.repos.get(fullName)?.issues.get(n)?.state).toBe("closed");
    }
    expect(labelsOf(after)).toEqual(["lanes:queued"]);
    expect(await queue()).toContain(`developer:#${after}`);
  });

  it("Redis flushed + lanes reconcile → the same queues, states and blocked sets as before", async () => {
    const waiting = await prp("Report", "role: tester\npriority: high");
    const blocked = await prp("Charts", `role: developer\ndepends_on: [${waiting}]`);
    const snapshot = async () => ({
      queue: await queue(),
      stats: (await store.stats()).depth,
      states: await Promise.all([waiting, blocked].map((n) => store.readIssueState(String(n)))),
      dependents: await store.dependentsOf(waiting),
    });
    const before = await snapshot();
    expect(before.states).toEqual(["queued", "blocked"]);
    const keys = await redis.keys(`${repoPrefix(fullName)}*`);
    await redis.del(...keys);
    expect((await snapshot()).queue).toEqual([]);
    const env = {
      GITHUB_TOKEN: await sandboxInstallationToken(sandbox.info()),
      GITHUB_API_URL: sandbox.info().api_url,
    };
    const dry = await lanes(["reconcile", "--github-repo", fullName, "--redis", redisUrl(), "--dry-run"], {
      env,
    });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`#${blocked}  restore  blocked`);
    expect((await snapshot()).queue).toEqual([]);
    const run = await lanes(["reconcile", "--github-repo", fullName, "--redis", redisUrl(), "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
