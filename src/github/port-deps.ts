// What each group of port operations shares: the Octokit, the ETag cache, and error conversion.
import type { PortOctokit } from "./create-octokit.js";
import { toGitHubError } from "./errors.js";
import type { EtagCache } from "./etag-cache.js";

export interface PortDeps {
  octokit: PortOctokit;
  etags: EtagCache;
}

/** Runs one port operation, turning any Octokit failure into a GitHubRequestError naming it. */
export async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}
