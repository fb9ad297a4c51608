// Starts a local GitHub on a loopback port: REST subset, bare git repos, an App, signed webhooks.
// Used by `lanes sandbox`, `lanes demo` and end-to-end tests; close() removes everything it made.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger, type Logger } from "../observe/logger.js";
import { completeWorkflowRun, handleCheckRunClick } from "./control-routes.js";
import { sendInstallationCreated, sendRepositoryAdded } from "./installation-events.js";
import { createRequestListener } from "./http-server.js";
import { seedRepo, seedUser, type RepoSeed, type UserSeed } from "./seed.js";
import { createIdSource, isoNow, type SandboxState } from "./state.js";
import { createWebhookSender, type Delivery } from "./webhook-sender.js";

export interface SandboxOptions {
  port?: number;
  webhookUrl?: string | null;
  webhookSecret?: string;
  users?: UserSeed[];
  repos?: RepoSeed[];
  log?: Logger;
  /** How long installation tokens live (GitHub: 3600 s); short in tests of token refresh. */
  installationTokenTtlSeconds?: number;
}

export interface SandboxInfo {
  api_url: string;
  webhook_secret: string;
  app: { id: number; private_key_path: string; installation_id: number };
  /** clone_url is the bare repo's path (no credentials); http_url is git over HTTP, a token required. */
  repos: { full_name: string; clone_url: string; http_url: string }[];
  users: { login: string; permission: string; token: string }[];
  env: { APP_ID: string; PRIVATE_KEY_PATH: string; WEBHOOK_SECRET: string; GITHUB_API_URL: string };
}

export interface Sandbox {
  info(): SandboxInfo;
  state: SandboxState;
  addUser(seed: UserSeed): void;
  /** Adds a repository; the App, installed on all repositories, gets installation_repositories.added. */
  addRepo(seed: RepoSeed): Promise<void>;
  /** A user installs the App (it is already authorised for every repository): installation.created. */
  installApp(): void;
  /** A user clicks "Re-run" (identifier null) or an action button on a check run. */
  clickCheckRun(fullName: string, checkRunId: number, identifier: string | null, login?: string): void;
  /** A dispatched workflow's run finishes with `conclusion` (workflow_run.completed is sent). */
  completeWorkflowRun(fullName: string, runId: number, conclusion: "success" | "failure" | "cancelled"): void;
  setWebhookUrl(url: string | null): void;
  deliveries(): readonly Delivery[];
  /** Resolves when every webhook queued so far has been delivered (or failed). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_USERS: UserSeed[] = [
  { login: "sandbox-admin", permission: "admin" },
  { login: "sandbox-maintainer", permission: "maintain" },
  { login: "sandbox-writer", permission: "write" },
  { login: "sandbox-triager", permission: "triage" },
  { login: "sandbox-reader", permission: "read" },
  { login: "sandbox-stranger", permission: "none" },
];

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? silentLogger();
  const root = await mkdtemp(join(tmpdir(), "lanes-sandbox-"));
  const secret = options.webhookSecret ?? randomBytes(20).toString("hex");
  const controlSecret = randomBytes(20).toString("hex");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPath = join(root, "app-private-key.pem");
  await writeFile(privateKeyPath, privateKey.export({ type: "pkcs1", format: "pem" }), { mode: 0o600 });
  const nextId = createIdSource();
  const appId = nextId();
  const state: SandboxState = {
    apiUrl: "",
    users: new Map(),
    repos: new Map(),
    nextId,
    now: isoNow,
    app: {
      id: appId,
      slug: "lanes-sandbox",
      installationId: nextId(),
      privateKeyPath,
      installationTokens: new Map(),
      tokenTtlMs: (options.installationTokenTtlSeconds ?? 3600) * 1000,
      webhookSecret: secret,
      manifestCodes: new Map(),
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      bot: { id: nextId(), login: "lanes-sandbox[bot]", type: "Bot", permission: "write", token: "" },
    },
  };
  const webhooks = createWebhookSender({ url: options.webhookUrl ?? null, secret, log });
  const server = createServer(createRequestListener({ state, webhooks, controlSecret, log }));
  const port = await listen(server, options.port ?? 0);
  state.apiUrl = `http://127.0.0.1:${port}`;
  const notice = { url: `${state.apiUrl}/_sandbox/post-receive`, secret: controlSecret };
  for (const user of options.users ?? DEFAULT_USERS) seedUser(state, user);
  const firstAdmin = [...state.users.values()].find((u) => u.permission === "admin");
  const repos = options.repos ?? (firstAdmin ? [{ owner: firstAdmin.login, name: "demo" }] : []);
  for (const repo of repos) await seedRepo(state, root, notice, repo);

  return {
    state,
    info: () => ({
      api_url: state.apiUrl,
      webhook_secret: secret,
      app: { id: appId, private_key_path: privateKeyPath, installation_id: state.app.installationId },
      repos: [...state.repos.values()].map((r) => ({
        full_name: r.fullName,
        clone_url: r.gitDir,
        http_url: `${state.apiUrl}/${r.fullName}.git`,
      })),
      users: [...state.users.values()].map((u) => ({
        login: u.login,
        permission: u.permission,
        token: u.token,
      })),
      env: {
        APP_ID: String(appId),
        PRIVATE_KEY_PATH: privateKeyPath,
        WEBHOOK_SECRET: secret,
        GITHUB_API_URL: state.apiUrl,
      },
    }),
    addUser: (seed) => void seedUser(state, seed),
    addRepo: async (seed) => sendRepositoryAdded(state, webhooks, await seedRepo(state, root, notice, seed)),
    installApp: () => sendInstallationCreated(state, webhooks),
    clickCheckRun: (repo, id, identifier, login) =>
      handleCheckRunClick({ state, webhooks }, { repo, check_run_id: id, identifier, login }),
    completeWorkflowRun: (repo, runId, conclusion) =>
      completeWorkflowRun({ state, webhooks }, repo, runId, conclusion),
    setWebhookUrl: (url) => webhooks.setUrl(url),
    deliveries: () => webhooks.deliveries(),
    idle: () => webhooks.idle(),
    async close() {
      await webhooks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
