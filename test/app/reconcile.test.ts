// lanes reconcile: Redis wiped → the same states, queues and blocked sets, rebuilt from GitHub (the sandbox).
import { readFile } from "node:fs/promises";
import { Octokit } from "@octokit/rest";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakePrp } from "../../src/app/intake/intake-prp.js";
import { snapshotOfIssue } from "../../src/app/intake/issue-snapshot.js";
import { completePrp } from "../../src/app/lifecycle/complete-prp.js";
import {
  applyReconcile,
  planReconcile,
  readGitHubFacts,
  readRedisFacts,
} from "../../src/app/reconcile/index.js";
import { issueStateKey, transition } from "../../src/app/transition.js";
import { createGitHubPort, type GitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import type { StateStore } from "../../src/state/index.js";
import { useStores } from "../state/helpers.js";
import { useRedis } from "../support/redis.js";

const repo = { owner: "sandbox-admin", repo: "demo" };
const prp = (front: string, title: string) => `---\n${front}\n---\n# ${title}\n\n## Goal\nDo ${title}.\n`;

async function wipe(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== "0");
}

/** What must survive: each PRP's state, the queues (role, issue, priority, state) and who waits on whom. */
async function memory(store: StateStore, issues: number[]) {
  const jobs = (await store.listJobs())
    .map((j) => `${j.role}:#${String(j.issue)}:${j.priority}:${j.state}`)
    .sort();
  const states = await Promise.all(
    issues.map(async (n) => [n, await store.readIssueState(issueStateKey(n))]),
  );
  const dependents = await Promise.all(issues.map(async (n) => [n, await store.dependentsOf(n)]));
  return { jobs, states, dependents, stats: (await store.stats()).depth };
}

describe("lanes reconcile (sandbox + real Redis)", () => {
  const redis = useRedis();
  const stores = useStores(redis);
  let sandbox: Sandbox;
  let github: GitHubPort;
  let user: Octokit;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const info = sandbox.info();
    github = createGitHubPort({
      auth: {
        type: "app",
        appId: info.app.id,
        privateKey: await readFile(info.app.private_key_path, "utf8"),
        installationId: info.app.installation_id,
      },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    user = new Octokit({ auth: info.users[0]?.token, baseUrl: info.api_url });
  });
  afterAll(() => sandbox.close());

  async function file(body: string, title: string): Promise<number> {
    const { data } = await user.rest.issues.create({ ...repo, title, body, labels: ["prp"] });
    return data.number;
  }

  it("rebuilds states, queues and blocked sets after Redis is wiped; a second run keeps everything", async () => {
    const store = await stores.open();
    const deps = { github, store, repo, log: silentLogger() };
    const schema = await file(prp("role: developer\npriority: high", "Schema"), "Schema");
    const api = await file(prp(`role: developer\ndepends_on: [${schema}]`, "API"), "API");
    const tests = await file(prp("role: tester\npriority: low", "Tests"), "Tests");
    const broken = await file(prp("role: developer\npriorty: high", "Broken"), "Broken");
    const running = await file(prp("role: documentation_writer", "Running"), "Running");
    const all = [schema, api, tests, broken, running];
    for (const n of all)
      await intakePrp(deps, snapshotOfIssue(await github.getIssue(repo, n)), { actor: "sandbox-admin" });
    // a supervisor runs one of them: its lease dies with Redis
    const claimed = await store.claim({ role: "documentation_writer", host: "h1", agent: "a1" });
    expect(claimed?.job.issue).toBe(running);
    await transition(deps, { issue: running, event: "claimed", actor: "supervisor@h1" });
    const before = await memory(store, all);
    expect(before.states).toEqual([
      [schema, "queued"],
      [api, "blocked"],
      [tests, "queued"],
      [broken, "invalid"],
      [running, "active"],
    ]);
    expect(before.dependents).toContainEqual([schema, [api]]);

    await wipe(redis.client, redis.prefix);
    expect(await memory(store, all)).toMatchObject({ jobs: [], states: all.map((n) => [n, null]) });

    const facts = await readGitHubFacts(github, repo);
    const plan = planReconcile(facts, await readRedisFacts(store, all));
    expect(plan.steps.map((s) => [s.issue, s.action, s.label])).toEqual([
      [schema, "restore", "queued"],
      [api, "restore", "blocked"],
      [tests, "restore", "queued"],
      [broken, "restore", "invalid"],
      [running, "requeue", "active"],
    ]);
    await applyReconcile(deps, plan, facts);
    const after = await memory(store, all);
    expect(after.jobs).toEqual(before.jobs.map((j) => j.replace(/:active$/, ":queued")));
    expect(before.jobs).toContain(`documentation_writer:#${running}:medium:active`);
    expect(after.states).toEqual(before.states.map(([n, s]) => [n, n === running ? "queued" : s]));
    expect(after.dependents).toEqual(before.dependents);
    expect((await github.getIssue(repo, running)).labels).toEqual(["prp", "lanes:queued"]);

    const again = planReconcile(await readGitHubFacts(github, repo), await readRedisFacts(store, all));
    expect(again.steps.map((s) => s.action)).toEqual(["keep", "keep", "keep", "keep", "keep"]);

    // the restored blocked set still unblocks: the dependency's merge queues its dependent
    const done = await completePrp(deps, schema, { url: "pr", number: 99 }, "sandbox-admin");
    expect(done?.unblocked).toEqual([api]);
    expect(await store.readIssueState(issueStateKey(api))).toBe("queued");
  });
});
