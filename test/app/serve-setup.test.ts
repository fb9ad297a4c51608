// `lanes serve` with no App: Probot's setup flow against the sandbox, offline. The page posts the
// manifest (Lanes' app.yml) to the sandbox's "new App" form, which redirects back with a code; Probot
// exchanges it at POST /app-manifests/{code}/conversions and writes .env; the next `lanes serve` starts
// the App from that .env and receives the sandbox's signed webhooks.
import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lanesCommand } from "../../src/runner/lanes-command.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { waitUntil } from "../runner/wait-until.js";
import { freePort } from "../support/free-port.js";
import { redisUrl } from "../support/redis.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

function startLanes(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; out: () => string } {
  const [cmd, ...rest] = [...lanesCommand(), ...args];
  const child = spawn(cmd as string, rest, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  return { child, out: () => out };
}

/** A GET on its own connection (closed after), as a browser tab that is closed would leave it. */
function httpGet(url: string): Promise<{ status: number; location: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    }).on("error", reject);
  });
}

/** SIGTERM, as Ctrl-C would; whether it exited promptly is returned for the test to check. */
async function stop(child: ChildProcess | undefined): Promise<boolean> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise<boolean>((r) => child.once("exit", () => r(true)));
  child.kill("SIGTERM");
  const prompt = await Promise.race([
    exited,
    new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
  ]);
  if (!prompt) child.kill("SIGKILL");
  return prompt;
}

describe("lanes serve with no App configured (Probot's setup flow)", () => {
  let sandbox: Sandbox | undefined;
  let dir: TempDir | undefined;
  let children: ChildProcess[] = [];

  afterEach(async () => {
    for (const child of children) await stop(child);
    children = [];
    await sandbox?.close();
    await dir?.remove();
  });

  it("creates the App from app.yml in the browser flow, writes .env, and the next start serves it", async () => {
    sandbox = await startSandbox();
    dir = await makeTempDir("lanes-setup");
    const port = await freePort();
    const { APP_ID: _a, PRIVATE_KEY: _k, PRIVATE_KEY_PATH: _p, WEBHOOK_SECRET: _w, ...base } = process.env;
    const env = {
      ...base,
      GITHUB_API_URL: sandbox.info().api_url,
      HOST: "127.0.0.1",
      PORT: String(port),
      REDIS_URL: redisUrl(),
      LANES_LOG_LEVEL: "warn",
      NODE_ENV: "test",
    };
    const setup = startLanes(["serve"], dir.path, env);
    children.push(setup.child);
    const page = `http://127.0.0.1:${port}/probot`;
    await waitUntil(async () => setup.out().includes(page), `lanes serve to offer ${page}`, 60_000);
    expect(setup.out()).toContain("written from Lanes' app.yml");

    // the browser: Probot's page holds a form posting the manifest to GitHub's "new App" page
    const html = (await httpGet(page)).body;
    const action = /<form action="([^"]+)"/.exec(html)?.[1];
    const manifestJson = /value='([^']+)'/.exec(html)?.[1] as string;
    expect(action).toBe(`${sandbox.info().api_url}/settings/apps/new`);
    const manifest = JSON.parse(manifestJson) as Record<string, unknown>;
    const lanesApp = parse(readFileSync("app.yml", "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: lanesApp.name,
      default_permissions: lanesApp.default_permissions,
      default_events: lanesApp.default_events,
      hook_attributes: { url: `http://127.0.0.1:${port}/api/github/webhooks` },
      redirect_url: `http://127.0.0.1:${port}/probot/setup`,
    });
    const created = await fetch(action as string, {
      method: "POST",
      body: new URLSearchParams({ manifest: manifestJson }),
      redirect: "manual",
    });
    expect(created.status).toBe(302);
    const back = created.headers.get("location") as string;
    expect(back).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/probot/setup\\?code=`));
    const done = await httpGet(back);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${sandbox.info().api_url}/apps/lanes-sandbox/installations/new`);

    const written = parseEnv(readFileSync(join(dir.path, ".env"), "utf8"));
    expect(written.APP_ID).toBe(sandbox.info().env.APP_ID);
    expect(written.WEBHOOK_SECRET).toBe(sandbox.info().webhook_secret);
    expect(written.PRIVATE_KEY?.replace(/\\n/g, "\n")).toBe(
      readFileSync(sandbox.info().app.private_key_path, "utf8"),
    );
    // a code is good for one conversion
    const again = await fetch(
      `${sandbox.info().api_url}/app-manifests/${new URL(back).searchParams.get("code")}/conversions`,
      {
        method: "POST",
      },
    );
    expect(again.status).toBe(404);
    expect(await stop(setup.child)).toBe(true);

    // the next start reads .env and is the App: the sandbox's signed webhooks reach it
    const app = startLanes(["serve"], dir.path, env);
    children.push(app.child);
    await waitUntil(async () => app.out().includes("webhooks at"), "lanes serve to start as the App", 60_000);
    expect((await httpGet(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    sandbox.installApp();
    await sandbox.idle();
    expect(sandbox.deliveries().at(-1)).toMatchObject({ event: "installation", status: 200 });
    expect(existsSync(join(dir.path, "app.yml"))).toBe(true);
  }, 120_000);
});
