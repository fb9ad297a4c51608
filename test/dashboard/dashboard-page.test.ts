// The dashboard in a real headless Chromium: it loads without console errors, shows a lane's state change
// and log lines within a second without a reload (server-sent events), shows agent text as text, and an
// exposed dashboard refuses requests without its token. A screenshot is saved under test-output/.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { DashboardConfigError, startDashboard, type DashboardHandle } from "../../src/dashboard/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { openStateStore, type LaneSnapshot, type OpenedStateStore } from "../../src/state/index.js";
import { useRedis } from "../support/redis.js";
import { launchChromium, type Browser } from "./browser.js";

// The page's DOM, as far as the functions run in the browser use it (the project's lib has no DOM types).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quotes"`;

function lane(patch: Partial<LaneSnapshot> = {}): LaneSnapshot {
  const now = Date.now();
  return {
    id: "issue-7-1",
    stack: "demo",
    host: "runner-1",
    role: "developer",
    issue: 7,
    title: `Rate limit ${HOSTILE}`,
    state: "working",
    branch: "lanes/developer/7-rate-limit",
    lastEvent: "PostToolUse",
    lastEventAt: now - 5_000,
    startedAt: now - 60_000,
    commits: 2,
    restarts: 0,
    tokens: 25_403,
    costUsd: 0.42,
    days: { [new Date(now).toISOString().slice(0, 10)]: { tokens: 25_403, costUsd: 0.42 } },
    updatedAt: now,
    ...patch,
  };
}

describe("the dashboard page in Chromium", () => {
  const redis = useRedis();
  let browser: Browser;
  let store: OpenedStateStore;
  let dashboard: DashboardHandle | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    store = await openStateStore({ url: redis.url, prefix: redis.prefix, log: silentLogger() });
  });
  afterEach(async () => {
    await dashboard?.stop();
    dashboard = undefined;
    await store.quit();
  });

  async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    return { page, errors };
  }

  it("shows lanes live: a state change and log lines within a second, agent text as text, no console errors", async () => {
    await store.publishLane(lane());
    await store.appendLaneLog("issue-7-1", ["$ npm test", HOSTILE]);
    dashboard = await startDashboard({
      redisUrl: redis.url,
      prefix: redis.prefix,
      repo: "local/demo",
      host: "127.0.0.1",
      port: 0,
      log: silentLogger(),
    });
    const { page, errors } = await openPage(dashboard.url);
    const state = page.locator('tr[data-lane="issue-7-1"] td.state');
    await expect.poll(() => state.textContent(), { timeout: 10_000 }).toBe("working");
    await page.waitForFunction(() => document.querySelector("#connection")?.textContent === "live");

    // a state change in Redis reaches the page without a reload
    const reloads: string[] = [];
    page.on("framenavigated", (frame) => reloads.push(frame.url()));
    const changedAt = Date.now();
    await store.publishLane(
      lane({ state: "waiting", waitingFor: "Bash(rm -rf build)", updatedAt: Date.now() }),
    );
    await page.waitForFunction(
      () => document.querySelector('tr[data-lane="issue-7-1"] td.state')?.textContent === "waiting",
      undefined,
      { timeout: 1_000 },
    );
    const stateMs = Date.now() - changedAt;

    // log lines appear as the supervisor appends them
    const loggedAt = Date.now();
    await store.appendLaneLog("issue-7-1", ["Running 12 tests", "12 passed"]);
    await page.waitForFunction(
      () => document.querySelector('pre[data-log="issue-7-1"]')?.textContent?.includes("12 passed") ?? false,
      undefined,
      { timeout: 1_000 },
    );
    const logMs = Date.now() - loggedAt;
    expect(stateMs).toBeLessThan(1_000);
    expect(logMs).toBeLessThan(1_000);
    expect(reloads).toEqual([]);

    // hostile agent text is shown as text: no element made from it, no script run
    const row = page.locator('tr[data-lane="issue-7-1"]');
    expect(await row.locator("td").nth(1).textContent()).toContain(
      '<script>window.__pwned=2</script> & "quotes"',
    );
    expect(await page.locator('pre[data-log="issue-7-1"]').textContent()).toContain("<img src=x onerror=");
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).__pwned)).toBeUndefined();
    expect(await page.locator("text=Bash(rm -rf build)").count()).toBeGreaterThan(0);

    await page.locator("details[data-lane-log] summary").first().click();
    const out = join(process.cwd(), "test-output");
    await mkdir(out, { recursive: true });
    await page.screenshot({ path: join(out, "dashboard.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses to listen beyond loopback without a token", async () => {
    await expect(
      startDashboard({
        redisUrl: redis.url,
        prefix: redis.prefix,
        host: "0.0.0.0",
        port: 0,
        log: silentLogger(),
      }),
    ).rejects.toThrow(DashboardConfigError);
  });

  it("exposed, it refuses requests without the token and lets the token's holder in", async () => {
    const token = "t0ken-for-the-dashboard-test";
    await store.publishLane(lane());
    dashboard = await startDashboard({
      redisUrl: redis.url,
      prefix: redis.prefix,
      host: "0.0.0.0",
      port: 0,
      token,
      log: silentLogger(),
    });
    const base = dashboard.url.replace(/\/dashboard\/$/, "");
    for (const path of [
      "/dashboard/",
      "/dashboard/api/snapshot",
      "/dashboard/api/events",
      "/dashboard/app.js",
    ]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(401);
      expect(await response.text()).not.toContain("issue-7-1");
    }
    expect(
      (
        await fetch(`${base}/dashboard/api/snapshot`, {
          headers: { authorization: "Bearer wrong-token-wrong-token" },
        })
      ).status,
    ).toBe(401);
    const snapshot = await fetch(`${base}/dashboard/api/snapshot`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(snapshot.status).toBe(200);
    expect(JSON.stringify(await snapshot.json())).toContain("issue-7-1");

    // in the browser: ?token= once becomes a cookie, the address loses it, and the live feed works
    const { page, errors } = await openPage(`${dashboard.url}?token=${token}`);
    expect(page.url()).toBe(dashboard.url);
    await page.waitForFunction(() => document.querySelector("#connection")?.textContent === "live");
    await expect.poll(() => page.locator('tr[data-lane="issue-7-1"] td.state').textContent()).toBe("working");
    expect(errors).toEqual([]);
    await page.close();
  });
});
