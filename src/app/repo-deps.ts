// What a handler, a supervisor or a command needs to act on one repository's PRPs: the GitHub port, the
// repository's state store, and a logger. Built per delivery by the App, per stack by the supervisor.
import type { GitHubPort, RepoRef } from "../github/index.js";
import type { Logger } from "../observe/logger.js";
import type { StateStore } from "../state/index.js";
import type { RepoFilesCache } from "./team/repo-config.js";

export interface RepoDeps {
  github: GitHubPort;
  store: StateStore;
  repo: RepoRef;
  log: Logger;
  /** Cached reads of lanes.yml and CODEOWNERS (the App keeps one per process). */
  files?: RepoFilesCache;
}

export function repoName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}
