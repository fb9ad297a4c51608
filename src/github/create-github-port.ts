// The factory for the GitHub port: one Octokit (auth, base URL, retries, counting) behind the typed interface.
import type { Registry } from "prom-client";
import type { Logger } from "../observe/logger.js";
import { checkOperations } from "./check-operations.js";
import { createOctokit, currentToken, githubApiUrl, type GitHubAuth } from "./create-octokit.js";
import { createEtagCache } from "./etag-cache.js";
import type { GitHubPort } from "./github-port.js";
import { issueOperations } from "./issue-operations.js";
import { pullOperations } from "./pull-operations.js";
import { repoOperations } from "./repo-operations.js";
import { createRequestCounter } from "./request-counter.js";

export interface GitHubPortOptions {
  auth: GitHubAuth;
  /** Defaults to GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  log: Logger;
  /** When given, requests are also counted in lanes_github_requests_total on this registry. */
  registry?: Registry;
  retries?: number;
  backoffUnitMs?: number;
  pacing?: "github" | "none";
}

/** The port and the token it currently sends (for git over HTTPS, which cannot use the port). */
export interface GitHubAccess {
  port: GitHubPort;
  /** The token in use now; an App's installation token is minted again shortly before it expires. */
  token(): Promise<string>;
}

export function createGitHubPort(options: GitHubPortOptions): GitHubPort {
  return createGitHubAccess(options).port;
}

export function createGitHubAccess(options: GitHubPortOptions): GitHubAccess {
  const counter = createRequestCounter(options.registry);
  const octokit = createOctokit({
    auth: options.auth,
    baseUrl: options.baseUrl ?? githubApiUrl(),
    log: options.log,
    counter,
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffUnitMs !== undefined ? { backoffUnitMs: options.backoffUnitMs } : {}),
    ...(options.pacing ? { pacing: options.pacing } : {}),
  });
  const deps = { octokit, etags: createEtagCache(counter.incNotModified) };
  const port: GitHubPort = {
    ...issueOperations(deps),
    ...pullOperations(deps),
    ...checkOperations(deps),
    ...repoOperations(deps),
    requestCounts: counter.counts,
    notModifiedCount: counter.notModified,
  };
  return { port, token: () => currentToken(octokit) };
}
