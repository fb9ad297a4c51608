// GitHub sign-in for the dashboard `lanes serve` mounts, from the App's own OAuth client (GITHUB_CLIENT_ID
// and GITHUB_CLIENT_SECRET, which Probot's setup writes to .env beside APP_ID): a user may see a repository
// when the App's installation port says they have read access or more (permissionLevel, cached 5 minutes).
// Off when either setting is missing.
import { createHash } from "node:crypto";
import type { SignInPort } from "../../dashboard/index.js";
import {
  authorizeUrl,
  findRepoInstallation,
  signedInLogin,
  type GitHubPort,
  type OAuthApp,
} from "../../github/index.js";
import type { Logger } from "../../observe/logger.js";
import type { ServeConfig } from "./serve-config.js";

const CACHE_MS = 5 * 60_000;

export function dashboardSignIn(
  env: NodeJS.ProcessEnv,
  config: ServeConfig,
  webUrl: string,
  portFor: (installationId: number) => GitHubPort,
  log: Logger,
): SignInPort | undefined {
  const clientId = env.GITHUB_CLIENT_ID?.trim();
  const clientSecret = env.GITHUB_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) return undefined;
  const oauth: OAuthApp = { clientId, clientSecret, webUrl, apiUrl: config.githubApiUrl };
  const installations = new Map<string, number>();
  const levels = new Map<string, { at: number; readable: boolean }>();

  async function canRead(login: string, name: string): Promise<boolean> {
    const cached = levels.get(`${name} ${login}`);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.readable;
    const [owner = "", repo = ""] = name.split("/");
    const ref = { owner, repo };
    let installation = installations.get(name);
    if (installation === undefined) {
      installation = await findRepoInstallation(config, ref, config.githubApiUrl);
      installations.set(name, installation);
    }
    const readable = (await portFor(installation).permissionLevel(ref, login)) !== "none";
    levels.set(`${name} ${login}`, { at: Date.now(), readable });
    return readable;
  }

  const publicUrl = env.LANES_DASHBOARD_URL?.trim().replace(/\/+$/, "");
  return {
    authorizeUrl: (state, redirectUri) => authorizeUrl(oauth, state, redirectUri),
    login: (code, redirectUri) => signedInLogin(oauth, code, redirectUri),
    async readable(login, repos) {
      const allowed: string[] = [];
      for (const name of repos) {
        const ok = await canRead(login, name).catch((error: unknown) => {
          log.warn({ repo: name, login, err: String(error) }, "dashboard sign-in: permission check failed");
          return false;
        });
        if (ok) allowed.push(name);
      }
      return allowed;
    },
    sessionKey: createHash("sha256")
      .update(`lanes-dashboard-session\0${clientSecret}\0${config.webhookSecret}`)
      .digest(),
    callbackUrl: publicUrl ? `${publicUrl}/dashboard/auth/callback` : undefined,
  };
}
