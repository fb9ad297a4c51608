// `lanes serve` with no App configured: Probot's own setup flow (its `run` in setup mode). The page at
// /probot posts the manifest (app.yml in the working directory) to GitHub, GitHub creates the App and
// redirects back with a code, and Probot exchanges it (POST /app-manifests/{code}/conversions) and writes
// APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env in the working directory. Never prints the key.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "probot";
import { parseDocument } from "yaml";
import type { Logger } from "../../observe/logger.js";
import { WEBHOOK_PATH } from "./serve-config.js";

export interface AppSetup {
  /** Where the user starts: http://host:port/probot */
  url: string;
  /** The manifest's file, and whether it was written now (from Lanes' app.yml). */
  manifest: { path: string; written: boolean };
  stop(): Promise<void>;
}

/** GitHub Enterprise Server (and the sandbox) as Probot names it: GHE_HOST and GHE_PROTOCOL from GITHUB_API_URL. */
function enterpriseHost(apiUrl: string | undefined): { GHE_HOST: string; GHE_PROTOCOL: string } | undefined {
  if (!apiUrl?.trim()) return undefined;
  const url = new URL(apiUrl.trim());
  if (url.hostname === "api.github.com") return undefined;
  return { GHE_HOST: url.host, GHE_PROTOCOL: url.protocol.replace(/:$/, "") };
}

/**
 * The manifest Probot reads from the working directory: the user's own app.yml if there is one, else
 * Lanes' (exactly the permissions and events Lanes uses) with its webhook URL pointed at this server.
 */
function ensureManifest(cwd: string, lanesManifest: string, webhookUrl: string): AppSetup["manifest"] {
  const path = join(cwd, "app.yml");
  if (existsSync(path)) return { path, written: false };
  const doc = parseDocument(readFileSync(lanesManifest, "utf8"));
  doc.setIn(["hook_attributes", "url"], webhookUrl);
  writeFileSync(path, doc.toString());
  return { path, written: true };
}

export async function startAppSetup(
  env: NodeJS.ProcessEnv,
  options: { log: Logger; cwd: string; lanesManifest: string },
): Promise<AppSetup> {
  const host = env.HOST?.trim() || "localhost";
  const port = Number(env.PORT) || 3000;
  const base = `http://${host}:${port}`;
  const manifest = ensureManifest(
    options.cwd,
    options.lanesManifest,
    env.WEBHOOK_PROXY_URL?.trim() || `${base}${WEBHOOK_PATH}`,
  );
  // Probot's setup reads these from process.env itself; smee.io (a network service) is never set up
  const settings = { ...enterpriseHost(env.GITHUB_API_URL), NO_SMEE_SETUP: "true" as const };
  Object.assign(process.env, settings);
  const server = await run(() => undefined, {
    env: {
      ...env,
      ...settings,
      APP_ID: "",
      PRIVATE_KEY: "",
      PRIVATE_KEY_PATH: "",
      HOST: host,
      PORT: String(port),
    },
    log: options.log as never,
  });
  // Probot's server waits for open browser connections on close; a stop waits at most two seconds for them
  const stop = () =>
    Promise.race([server.stop(), new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
  return { url: `${base}/probot`, manifest, stop };
}
