// SLA checks on Redis delayed jobs with a fake clock, and alerts to signed webhooks: real redis-server, the
// sandbox as GitHub (through the real port), a loopback receiver for the webhooks.
import { createHmac } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onStateLabel } from "../../../src/app/team/on-state-label.js";
import { fireTimer } from "../../../src/app/team/fire-timer.js";
import { raiseAlert, RETRY_BACKOFF_MS } from "../../../src/app/team/raise-alert.js";
import { createScheduler } from "../../../src/app/team/scheduler.js";
import type { TeamDeps } from "../../../src/app/team/team-deps.js";
import { createRepoFilesCache } from "../../../src/app/team/repo-config.js";
import { ALERTS_MARKER } from "../../../src/app/team/mention-owners.js";
import { createGitHubPort } from "../../../src/github/index.js";
import { silentLogger } from "../../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../../src/sandbox/index.js";
import {
  createStateStore,
  manualClock,
  type ManualClock,
  type StateStore,
} from "../../../src/state/index.js";
import { makeRepo, type TestRepo } from "../../support/git.js";
import { freshPrefix, redisUrl } from "../../support/redis.js";
import { startAlertReceiver, type AlertReceiver } from "./alert-receiver.js";

const SECRET = "s3cret-for-tests";
const repo = { owner: "sandbox-admin", repo: "team" };
const quiet = () => undefined;

describe("SLA checks and alerts (fake clock, real Redis, sandbox GitHub)", () => {
  let sandbox: Sandbox;
  let clone: TestRepo;
  let user: Octokit;
  let redis: Redis;
  let clock: ManualClock;
  let stores: StateStore[];
  let receiver: AlertReceiver;
  let failing: AlertReceiver;

  beforeAll(async () => {
    sandbox = await startSandbox({ repos: [{ owner: repo.owner, name: repo.repo }] });
    const info = sandbox.info();
    user = new Octokit({
      auth: info.users[0]?.token,
      baseUrl: info.api_url,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
    receiver = await startAlertReceiver();
    failing = await startAlertReceiver();
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", "main", "origin/main");
    await clone.commit("lanes.yml with owners and alert webhooks", {
      ".github/lanes.yml": [
        "owners:",
        '  "infra/**": ["@sandbox-maintainer"]',
        "alerts:",
        "  webhooks:",
        `    - { url: "${receiver.url}", secret_env: LANES_ALERT_SECRET }`,
        `    - { url: "${failing.url}", secret_env: LANES_ALERT_SECRET }`,
      ].join("\n"),
    });
    await clone.git("push", "-q", "origin", "HEAD:refs/heads/main");
    redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await receiver?.close();
    await failing?.close();
    await clone?.remove();
    await sandbox?.close();
  });

  let prefix: string;
  beforeEach(() => {
    prefix = freshPrefix();
    clock = manualClock(Date.UTC(2026, 11, 1, 9));
    stores = [];
    receiver.received.length = 0;
    failing.received.length = 0;
    failing.answerNext([503, 500]);
  });
  afterEach(async () => {
    for (const store of stores) store.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });

  /** One replica's view: its own store (connection-level state) on the shared Redis and clock. */
  function replica(): TeamDeps {
    const store = createStateStore({ redis, prefix, log: silentLogger(), clock });
    stores.push(store);
    const github = createGitHubPort({
      auth: { type: "token", token: sandbox.info().users[0]?.token ?? "" },
      baseUrl: sandbox.info().api_url,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const files = createRepoFilesCache();
    return { repo, github, store, log: silentLogger(), files, env: { LANES_ALERT_SECRET: SECRET } };
  }

  async function queuedPrp(deps: TeamDeps, priority: string): Promise<number> {
    const body = [
      "---",
      `priority: ${priority}`,
      "paths: infra/**",
      "---",
      "# Terraform the cache",
      "",
      "## Success Criteria",
      "- [ ] a cache exists",
    ].join("\n");
    const { data } = await user.rest.issues.create({ ...repo, title: "Terraform the cache", body });
    await deps.store.transition(String(data.number), null, "queued", "test");
    expect(await onStateLabel(deps, { number: data.number, body }, "queued")).toEqual([
      "sla-claim",
      "sla-pr",
    ]);
    return data.number;
  }

  it("an SLA breach raises exactly one alert however many schedulers run", async () => {
    const replicas = [replica(), replica(), replica()];
    const issue = await queuedPrp(replicas[0] as TeamDeps, "critical");
    const schedulers = replicas.map((deps) =>
      createScheduler({
        targets: async () => [deps],
        fire: (d, t) => fireTimer(d, t),
        log: silentLogger(),
        clock,
      }),
    );
    clock.advance(14 * 60_000);
    expect((await Promise.all(schedulers.map((s) => s.runDue()))).reduce((a, b) => a + b)).toBe(0);
    clock.advance(2 * 60_000); // 16 minutes queued: past P0's 15-minute claim SLA
    expect((await Promise.all(schedulers.map((s) => s.runDue()))).reduce((a, b) => a + b)).toBe(1);
    expect((await Promise.all(schedulers.map((s) => s.runDue()))).reduce((a, b) => a + b)).toBe(0);

    expect(receiver.received).toHaveLength(1);
    const [alert] = receiver.received;
    expect(alert?.payload.lanes).toMatchObject({ kind: "sla-claim", issue });
    expect(alert?.payload.text).toContain("not claimed within 15m (P0)");
    expect(alert?.signature).toBe(
      `sha256=${createHmac("sha256", SECRET)
        .update(alert?.body ?? "")
        .digest("hex")}`,
    );

    const comments = (await user.rest.issues.listComments({ ...repo, issue_number: issue })).data;
    const status = comments.find((c) => c.body?.startsWith("<!-- lanes:status -->"));
    expect(status?.body).toContain("⚠️ Attention | not claimed within 15m (P0)");
    const mention = comments.filter((c) => c.body?.startsWith(ALERTS_MARKER));
    expect(mention).toHaveLength(1);
    expect(mention[0]?.body).toContain("@sandbox-maintainer");
    expect((await replicas[0]?.store.readPrpRecord(issue))?.flags).toEqual({
      "sla-claim": "not claimed within 15m (P0)",
    });
    const audit = (await replicas[0]?.store.readAudit())?.map((e) => e.type) ?? [];
    expect(audit.filter((t) => t === "alert-delivered")).toHaveLength(1);
    expect(audit).toContain("alert-mentioned");
  });

  it("retries a failing receiver with backoff until it answers, each attempt in the audit stream", async () => {
    const deps = replica();
    const scheduler = createScheduler({
      targets: async () => [deps],
      fire: (d, t) => fireTimer(d, t),
      log: silentLogger(),
      clock,
    });
    const alert = {
      key: "integration-failed:1",
      kind: "integration-failed",
      title: "Integration failed",
      text: "lanes/integration/2026-12-01: validation failed",
      repo: "sandbox-admin/team",
    };
    expect(await raiseAlert(deps, alert)).toBe("sent");
    expect(failing.received).toHaveLength(1);
    clock.advance((RETRY_BACKOFF_MS[0] ?? 0) - 1_000);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(1_000);
    expect(await scheduler.runDue()).toBe(1);
    expect(failing.received).toHaveLength(2);
    clock.advance(RETRY_BACKOFF_MS[1] ?? 0);
    expect(await scheduler.runDue()).toBe(1);
    expect(failing.received).toHaveLength(3);
    clock.advance(24 * 3600_000);
    expect(await scheduler.runDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    expect(new Set(failing.received.map((r) => r.body)).size).toBe(1);
    const failures = (await deps.store.readAudit()).filter((e) => e.type === "alert-delivery-failed");
    expect(failures.map((e) => JSON.parse(e.data ?? "{}").retryInMs)).toEqual(RETRY_BACKOFF_MS.slice(0, 2));
  });

  it("de-duplicates an alert raised twice and rate-limits a burst", async () => {
    const deps = replica();
    const alert = {
      key: "host-silent:runner-1",
      kind: "host-silent",
      title: "Runner host runner-1 went silent",
      text: "no heartbeat",
      repo: "sandbox-admin/team",
    };
    expect(await raiseAlert(deps, alert)).toBe("sent");
    expect(await raiseAlert(deps, alert)).toBe("duplicate");
    const outcomes = [];
    for (let i = 0; i < 25; i += 1) outcomes.push(await raiseAlert(deps, { ...alert, key: `burst:${i}` }));
    expect(outcomes.filter((o) => o === "rate-limited").length).toBeGreaterThan(0);
    expect(receiver.received.length).toBeLessThanOrEqual(20);
  });
});
