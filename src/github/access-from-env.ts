// GitHub access for a long-running process on a repository (a stack's supervisor, `stack up`): as the App
// when APP_ID and its private key are set (installation found for the repository, its tokens minted and
// refreshed before they expire), else the token in GITHUB_TOKEN, else none. Never logs a token or the key.
import type { Logger } from "../observe/logger.js";
import { appCredentialsFromEnv } from "./app-credentials.js";
import { createGitHubAccess, type GitHubAccess } from "./create-github-port.js";
import { githubApiUrl } from "./create-octokit.js";
import { findRepoInstallation } from "./find-installation.js";
import type { RepoRef } from "./github-port.js";
import { pacingFor } from "./port-from-env.js";

export interface RepoAccess extends GitHubAccess {
  /** "app": installation tokens of the App; "token": GITHUB_TOKEN as given. */
  kind: "app" | "token";
  /** The App's installation on the repository (kind "app"). */
  installationId?: number;
}

export async function githubAccessFromEnv(
  env: NodeJS.ProcessEnv,
  log: Logger,
  repo: RepoRef,
): Promise<RepoAccess | undefined> {
  const baseUrl = githubApiUrl(env);
  const pacing = pacingFor(baseUrl);
  const app = appCredentialsFromEnv(env);
  if (app) {
    const installationId = app.installationId ?? (await findRepoInstallation(app, repo, baseUrl));
    const access = createGitHubAccess({
      auth: { type: "app", appId: app.appId, privateKey: app.privateKey, installationId },
      baseUrl,
      log,
      pacing,
    });
    return { ...access, kind: "app", installationId };
  }
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) return undefined;
  return { ...createGitHubAccess({ auth: { type: "token", token }, baseUrl, log, pacing }), kind: "token" };
}
