// The dashboard inside `lanes serve`: on loopback it answers at /dashboard with the repositories in Redis,
// its gauges are on /metrics, and bound beyond loopback it is off without LANES_DASHBOARD_TOKEN and refuses
// requests without the token when one is set.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServe, type ServeHandle } from "../../src/app/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { openStateStore } from "../../src/state/index.js";
import { redisUrl } from "../support/redis.js";

describe("lanes serve's dashboard", () => {
  let sandbox: Sandbox;
  let serve: ServeHandle | undefined;
  const repo = `sandbox-admin/board-${randomUUID().slice(0, 8)}`;

  beforeEach(async () => {
    sandbox = await startSandbox({ webhookUrl: null, repos: [] });
    const store = await openStateStore({ url: redisUrl(), repo, log: silentLogger() });
    await store.publishLane({
      id: "issue-9-1",
      stack: "ci",
      host: "runner-1",
      role: "developer",
      issue: 9,
      title: "Add search",
      state: "working",
      branch: "lanes/developer/9-add-search",
      pr: "https://github.com/x/y/pull/12",
      startedAt: Date.now(),
      commits: 1,
      restarts: 0,
      tokens: 10,
      costUsd: 0.01,
      days: {},
      updatedAt: Date.now(),
    });
    await store.quit();
  });
  afterEach(async () => {
    await serve?.stop();
    serve = undefined;
    await sandbox.close();
    const redis = new Redis(redisUrl());
    const keys = await redis.keys(`lanes:{${repo}}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const env = (extra: NodeJS.ProcessEnv) => ({
    ...sandbox.info().env,
    REDIS_URL: redisUrl(),
    PORT: "0",
    ...extra,
  });

  it("on loopback shows the repository's lanes with links, and declares the board's gauges", async () => {
    serve = await startServe(env({ HOST: "127.0.0.1" }), { log: silentLogger() });
    const response = await fetch(`${serve.url}/dashboard/api/snapshot`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const snapshot = (await response.json()) as {
      repos: { repo: string; lanes: { id: string; prUrl?: string }[] }[];
    };
    const view = snapshot.repos.find((r) => r.repo === repo);
    expect(view?.lanes.map((l) => l.id)).toEqual(["issue-9-1"]);
    expect(view?.lanes[0]?.prUrl).toMatch(new RegExp(`/${repo}/pull/12$`));
    const page = await fetch(`${serve.url}/dashboard/`);
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    // the board's gauges cover the repositories the App has handled (none yet here)
    expect(metrics).toContain("# HELP lanes_lanes Lanes on the dashboard board by role and state");
    expect(metrics).toContain("# HELP lanes_lead_time_median_hours");
  });

  it("beyond loopback is off without a token, and with one refuses requests that lack it", async () => {
    serve = await startServe(env({ HOST: "0.0.0.0", LANES_DASHBOARD_TOKEN: "" }), { log: silentLogger() });
    const off = await fetch(`${serve.url}/dashboard/`);
    expect(off.status).toBe(404);
    expect(await off.text()).toContain("LANES_DASHBOARD_TOKEN");
    await serve.stop();

    const token = "a-long-enough-dashboard-token";
    serve = await startServe(env({ HOST: "0.0.0.0", LANES_DASHBOARD_TOKEN: token }), { log: silentLogger() });
    expect((await fetch(`${serve.url}/dashboard/api/snapshot`)).status).toBe(401);
    const allowed = await fetch(`${serve.url}/dashboard/api/snapshot`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(allowed.status).toBe(200);
  });
});
