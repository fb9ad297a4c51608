// The GitHub port for CLI commands that talk to GitHub (`lanes gate --pr` reads, `--publish` writes): a token
// from GITHUB_TOKEN (a PAT, the Actions token or an App installation token), the API from GITHUB_API_URL.
// Never logs the token.
import { UsageError } from "../errors.js";
import { createGitHubPort } from "./create-github-port.js";
import { githubApiUrl } from "./create-octokit.js";
import type { GitHubPort } from "./github-port.js";
import type { Logger } from "../observe/logger.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** GitHub asks for writes 1 s apart; a GitHub on loopback is the local sandbox, which does not. */
export function pacingFor(baseUrl: string): "github" | "none" {
  try {
    return LOOPBACK.has(new URL(baseUrl).hostname) ? "none" : "github";
  } catch {
    return "github";
  }
}

/** The port for GITHUB_TOKEN / GITHUB_API_URL, or undefined when no token is set (local mode). */
export function optionalGitHubPortFromEnv(env: NodeJS.ProcessEnv, log: Logger): GitHubPort | undefined {
  return env.GITHUB_TOKEN?.trim() ? githubPortFromEnv(env, log, "GitHub access") : undefined;
}

export function githubPortFromEnv(env: NodeJS.ProcessEnv, log: Logger, why: string): GitHubPort {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token)
    throw new UsageError(
      `${why} needs a GitHub token in GITHUB_TOKEN, to read the pull request and its linked issues (--pr) and to write check runs (--publish): the Actions token with \`pull-requests: read\`, \`issues: read\` and \`checks: write\`, an App installation token with those permissions, or a PAT`,
    );
  const baseUrl = githubApiUrl(env);
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch (error) {
    throw new UsageError(`GITHUB_API_URL is not a URL: ${baseUrl}; expected e.g. https://api.github.com`, {
      cause: error,
    });
  }
  // GitHub asks for writes 1 s apart; a GitHub on loopback is the local sandbox, which does not.
  return createGitHubPort({
    auth: { type: "token", token },
    baseUrl,
    log,
    pacing: LOOPBACK.has(host) ? "none" : "github",
  });
}
