// The demo's GitHub App: `lanes serve` in its own process, configured the Probot way for the sandbox
// (APP_ID, PRIVATE_KEY_PATH, WEBHOOK_SECRET, GITHUB_API_URL, REDIS_URL, PORT), so the sandbox's signed
// webhooks drive labels, state transitions, status comments and unblocked dependents.
import { spawn, type ChildProcess } from "node:child_process";
import * as z from "zod";
import { lanesCommand } from "../../runner/lanes-command.js";
import { freeLoopbackPort } from "../../state/index.js";
import { DemoStepError } from "./errors.js";

export interface DemoApp {
  url: string;
  webhookUrl: string;
  /** The server's Prometheus metrics text. */
  metrics(): Promise<string>;
  /** What the dashboard (/dashboard/api/snapshot) shows for the repository. */
  dashboardView(repo: string): Promise<DashboardView>;
  /** SIGTERM, then wait for it to finish its in-flight deliveries and exit. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;

const BoardSchema = z.object({
  repos: z.array(
    z.object({
      repo: z.string(),
      lanes: z.array(z.object({ id: z.string(), gates: z.record(z.string(), z.string()) })),
      integrations: z.array(z.object({ branch: z.string().nullable() })),
    }),
  ),
});

export interface DashboardView {
  lanes: number;
  /** Lanes whose gate results are shown (from the check runs the App saw). */
  lanesWithGates: number;
  integrations: number;
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new DemoStepError(`lanes serve exited (${child.exitCode}): ${output().trim().slice(-800)}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new DemoStepError(
        `lanes serve did not answer ${url}/healthz within 20 s: ${output().trim().slice(-800)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startDemoApp(options: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  settings: { APP_ID: string; PRIVATE_KEY_PATH: string; WEBHOOK_SECRET: string; GITHUB_API_URL: string };
  redisUrl: string;
}): Promise<DemoApp> {
  const port = await freeLoopbackPort();
  const [cmd, ...args] = lanesCommand();
  const child = spawn(cmd as string, [...args, "serve"], {
    cwd: options.cwd,
    env: {
      ...options.env,
      ...options.settings,
      REDIS_URL: options.redisUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LANES_LOG_LEVEL: options.env.LANES_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
    async dashboardView(repo) {
      const board = BoardSchema.parse(await (await fetch(`${url}/dashboard/api/snapshot`)).json());
      const view = board.repos.find((r) => r.repo === repo);
      return {
        lanes: view?.lanes.length ?? 0,
        lanesWithGates: view?.lanes.filter((l) => Object.keys(l.gates).length > 0).length ?? 0,
        integrations: view?.integrations.length ?? 0,
      };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
