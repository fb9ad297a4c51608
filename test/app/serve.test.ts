// `lanes serve` in-process and as a process: the sandbox plays GitHub (an App, signed webhooks), a real Redis
// holds the state. A label webhook ends in `lanes:queued` and one status comment; /healthz and /metrics answer;
// SIGTERM stops the process with exit 0; a missing setting fails at start naming it.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServe, type ServeHandle } from "../../src/app/index.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { lanes } from "../support/cli.js";
import { redisUrl } from "../support/redis.js";

const CLI = new URL("../../dist/src/cli/main.js", import.meta.url).pathname;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("lanes serve", () => {
  let sandbox: Sandbox;
  let serve: ServeHandle | undefined;
  const name = `serve-${randomUUID().slice(0, 8)}`;
  const fullName = `sandbox-admin/${name}`;

  beforeEach(async () => {
    sandbox = await startSandbox({ webhookUrl: null, repos: [{ owner: "sandbox-admin", name }] });
  });
  afterEach(async () => {
    await serve?.stop();
    serve = undefined;
    await sandbox.close();
    const redis = new Redis(redisUrl());
    const keys = await redis.keys(`lanes:{${fullName}}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  function env(): NodeJS.ProcessEnv {
    return { ...sandbox.info().env, REDIS_URL: redisUrl(), PORT: "0", HOST: "127.0.0.1" };
  }

  it("turns a signed label webhook into lanes:queued with one status comment, and reports it in /metrics", async () => {
    serve = await startServe(env(), { log: silentLogger() });
    sandbox.setWebhookUrl(`${serve.url}/api/github/webhooks`);
    const info = sandbox.info();
    const admin = info.users.find((u) => u.login === "sandbox-admin");
    const user = createGitHubPort({
      auth: { type: "token", token: admin?.token ?? "" },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    const repo = { owner: "sandbox-admin", repo: name };
    await user.ensureLabels(repo, [{ name: "prp", color: "1d76db", description: "PRP" }]);
    const issue = await user.createIssue(repo, {
      title: "Add a limit",
      body: "## Goal\nLimit.\n",
      labels: ["prp"],
    });
    const labels = await until(
      async () => (await user.getIssue(repo, issue.number)).labels,
      (l) => l.includes("lanes:queued"),
    );
    await sandbox.idle();
    expect(labels.filter((l) => l.startsWith("lanes:"))).toEqual(["lanes:queued"]);
    const comments = await user.listComments(repo, issue.number);
    expect(comments.filter((c) => c.body.includes("<!-- lanes:status -->"))).toHaveLength(1);

    const health = await fetch(`${serve.url}/healthz`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metrics).toMatch(/lanes_webhook_deliveries_total\{event="issues.opened",outcome="handled"\} 1/);
    expect(metrics).toMatch(/lanes_queue_depth\{repo="sandbox-admin\/serve-[^"]+",role="developer"\} 1/);
    expect(metrics).toMatch(
      /lanes_github_requests_total\{operation="POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/labels"\} 1/,
    );
  });

  it("answers 503 on /healthz with the reason when GitHub is unreachable, and 400 to an unsigned webhook", async () => {
    serve = await startServe({ ...env(), GITHUB_API_URL: "http://127.0.0.1:9" }, { log: silentLogger() });
    const health = await fetch(`${serve.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.text()).toMatch(/GitHub API at http:\/\/127\.0\.0\.1:9 is unreachable/);
    const unsigned = await fetch(`${serve.url}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "1" },
      body: "{}",
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
  });

  it("fails at start with one line naming a missing or wrong setting", async () => {
    const missing = await lanes(["serve"], { env: { ...env(), APP_ID: "" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("lanes: APP_ID is missing: set it to the GitHub App's numeric id\n");
    const wrong = await lanes(["serve"], { env: { ...env(), REDIS_URL: "http://nope" } });
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
    expect(wrong.stderr).toMatch(/^lanes: REDIS_URL.*redis:\/\/host:port/);
  });

  it("runs as a process and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "serve"], {
      env: { ...process.env, ...env(), LANES_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const match = /lanes serve: (http:\/\/\S+)/.exec(chunk.toString());
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`lanes serve exited ${code}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
