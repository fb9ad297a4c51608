// GitHub sign-in for the dashboard in a real Chromium: the page sends the browser to GitHub's authorize
// page (a local stand-in that approves at once), the callback exchanges the code (stand-in), asks GitHub
// for the user (/user) and, through the App's installation port, their permission (nock), then sets a
// signed HttpOnly session cookie and shows the page. Without a session the API answers 401.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dashboardSignIn } from "../../src/app/serve/dashboard-sign-in.js";
import type { ServeConfig } from "../../src/app/serve/serve-config.js";
import { startDashboard, type DashboardHandle } from "../../src/dashboard/index.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { openStateStore, repoPrefix } from "../../src/state/index.js";
import { testPrivateKey } from "../app/test-key.js";
import { redisUrl } from "../support/redis.js";
import { launchChromium, type Browser } from "./browser.js";

const API = "https://api.github.test";

/** GitHub's web side as far as the OAuth flow uses it: the user approves at once. */
async function fakeGitHubWeb(): Promise<{ url: string; server: Server; exchanged: string[] }> {
  const exchanged: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/login/oauth/authorize") {
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.searchParams.set("code", "the-code");
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const sent = JSON.parse(body || "{}") as { code?: string; client_secret?: string };
      exchanged.push(`${sent.code} ${sent.client_secret}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "gho_user_token_for_test", token_type: "bearer" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, exchanged };
}

describe("dashboard GitHub sign-in", () => {
  let browser: Browser;
  let dashboard: DashboardHandle | undefined;
  let web: Awaited<ReturnType<typeof fakeGitHubWeb>>;
  const repo = `octo-${randomUUID().slice(0, 8)}/board`;

  beforeAll(async () => {
    browser = await launchChromium();
    web = await fakeGitHubWeb();
  });
  afterAll(async () => {
    await browser?.close();
    web?.server.close();
  });
  afterEach(async () => {
    await dashboard?.stop();
    nock.cleanAll();
  });

  it("signs a reader in through GitHub with a signed HttpOnly cookie, and refuses the API without it", async () => {
    const store = await openStateStore({ url: redisUrl(), prefix: repoPrefix(repo), log: silentLogger() });
    const now = Date.now();
    await store.publishLane({
      id: "lane-9",
      stack: "s",
      host: "runner-1",
      role: "developer",
      issue: 9,
      title: "Sign-in lane",
      state: "working",
      branch: "lanes/developer/9-sign-in",
      startedAt: now,
      commits: 0,
      restarts: 0,
      tokens: 0,
      costUsd: 0,
      days: {},
      updatedAt: now,
    });
    const [owner, name] = repo.split("/");
    const github = nock(API)
      .get("/user")
      .matchHeader("authorization", "Bearer gho_user_token_for_test")
      .reply(200, { login: "octoreader" })
      .get(`/repos/${owner}/${name}/installation`)
      .reply(200, { id: 42 })
      .get(`/repos/${owner}/${name}/collaborators/octoreader/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "octoreader" } });
    const config = {
      appId: 1,
      privateKey: testPrivateKey(),
      webhookSecret: "s",
      githubApiUrl: API,
    } as ServeConfig;
    const port = createGitHubPort({
      auth: { type: "token", token: "ghs_installation" },
      baseUrl: API,
      log: silentLogger(),
      pacing: "none",
      retries: 0,
    });
    const signIn = dashboardSignIn(
      { GITHUB_CLIENT_ID: "Iv1.client", GITHUB_CLIENT_SECRET: "client-secret" },
      config,
      web.url,
      () => port,
      silentLogger(),
    );
    dashboard = await startDashboard({
      redisUrl: redisUrl(),
      repo,
      host: "127.0.0.1",
      port: 0,
      log: silentLogger(),
      signIn,
    });
    try {
      expect((await fetch(dashboard.url.replace(/\/$/, "/api/snapshot"))).status).toBe(401);

      const page = await browser.context.newPage();
      await page.goto(dashboard.url);
      expect(page.url()).toBe(dashboard.url);
      await expect.poll(() => page.locator('tr[data-lane="lane-9"] td.state').textContent()).toBe("working");
      expect(web.exchanged).toEqual(["the-code client-secret"]);
      github.done();
      const session = (await browser.context.cookies()).find((c) => c.name === "lanes_session");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/dashboard" });
      expect(session?.value).not.toContain("gho_");
      // a forged cookie is not a session
      const forged = `lanes_session=${session?.value.split(".")[0]}.AAAA`;
      const refused = await fetch(dashboard.url.replace(/\/$/, "/api/snapshot"), {
        headers: { cookie: forged },
      });
      expect(refused.status).toBe(401);
      const allowed = await fetch(dashboard.url.replace(/\/$/, "/api/snapshot"), {
        headers: { cookie: `lanes_session=${session?.value}` },
      });
      expect(((await allowed.json()) as { repos: { repo: string }[] }).repos.map((r) => r.repo)).toEqual([
        repo,
      ]);
      await page.close();
    } finally {
      await store.quit();
    }
  }, 120_000);
});
