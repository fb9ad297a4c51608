// The GitHub port for CLI commands that write to GitHub: a token from GITHUB_TOKEN (a PAT, the Actions
// token or an App installation token), the API from GITHUB_API_URL. Never logs the token.
import { UsageError } from "../errors.js";
import { createGitHubPort, githubApiUrl, type GitHubPort } from "../github/index.js";
import type { Logger } from "../observe/logger.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function githubPortFromEnv(env: NodeJS.ProcessEnv, log: Logger, why: string): GitHubPort {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) throw new UsageError(`${why} needs a GitHub token in GITHUB_TOKEN (a token that may write check runs: the Actions token with \`checks: write\`, or an App installation token)`);
  const baseUrl = githubApiUrl(env);
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch (error) {
    throw new UsageError(`GITHUB_API_URL is not a URL: ${baseUrl}; expected e.g. https://api.github.com`, { cause: error });
  }
  // GitHub asks for writes 1 s apart; a GitHub on loopback is the local sandbox, which does not.
  return createGitHubPort({ auth: { type: "token", token }, baseUrl, log, pacing: LOOPBACK.has(host) ? "none" : "github" });
}
