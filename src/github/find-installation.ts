// Which installation of the App serves a repository: GET /repos/{owner}/{repo}/installation, asked
// as the App itself (a JWT signed with its private key), the way GitHub documents for a server-to-server App.
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import type { AppCredentials } from "./app-credentials.js";
import { GitHubConfigError, toGitHubError } from "./errors.js";
import type { RepoRef } from "./github-port.js";

export async function findRepoInstallation(
  app: Pick<AppCredentials, "appId" | "privateKey">,
  repo: RepoRef,
  baseUrl: string,
): Promise<number> {
  const octokit = new Octokit({
    authStrategy: createAppAuth,
    auth: { appId: app.appId, privateKey: app.privateKey },
    baseUrl: baseUrl.replace(/\/+$/, ""),
    userAgent: "lanes",
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/installation", {
      owner: repo.owner,
      repo: repo.repo,
    });
    return data.id;
  } catch (error) {
    const failure = toGitHubError("apps.getRepoInstallation", error);
    if (failure.status === 404)
      throw new GitHubConfigError(
        `the GitHub App ${app.appId} is not installed on ${repo.owner}/${repo.repo}: install it on the repository (the App's page, "Install App"), or set APP_INSTALLATION_ID`,
        { cause: failure },
      );
    if (failure.status === 401)
      throw new GitHubConfigError(
        `GitHub refused the App's JWT (${failure.message}): APP_ID ${app.appId} and the private key do not belong together`,
        { cause: failure },
      );
    throw failure;
  }
}
