// The repository's `.github/lanes.yml` and owner rules as the App reads them through the GitHub port: cached
// per repository for a minute, so a burst of events reads each file once. A broken file falls back to the
// defaults (it is reported by `lanes config check` and the gates, never by an alert storm).
import { parse as parseCodeowners } from "codeowners-utils";
import { DEFAULT_CONFIG_FILE, defaultConfig, loadConfig, type LanesConfig } from "../../config/index.js";
import { errorMessage } from "../../errors.js";
import type { RepoDeps } from "../repo-deps.js";
import { repoName } from "../repo-deps.js";

/** One owner rule: a CODEOWNERS pattern and who owns what it matches. */
export interface OwnerRule {
  pattern: string;
  owners: string[];
}

/** Where GitHub looks for CODEOWNERS, in its order. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

export interface RepoFilesCache {
  get<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** A cache of reads that keeps each for `ttlMs` (of `now`). */
export function createRepoFilesCache(ttlMs = 60_000, now: () => number = Date.now): RepoFilesCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, read: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = read();
      entries.set(key, { at: now(), value });
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}

const uncached: RepoFilesCache = { get: (_key, read) => read() };

type ConfigDeps = Pick<RepoDeps, "github" | "repo" | "log"> & { files?: RepoFilesCache };

export function readRepoConfig(deps: ConfigDeps): Promise<LanesConfig> {
  const cache = deps.files ?? uncached;
  return cache.get(`${repoName(deps.repo)}:config`, async () => {
    const text = await deps.github.readFile(deps.repo, DEFAULT_CONFIG_FILE);
    try {
      return loadConfig(text ?? "", { file: DEFAULT_CONFIG_FILE });
    } catch (error) {
      deps.log.warn({ err: errorMessage(error) }, "lanes.yml is invalid; using the defaults");
      return defaultConfig();
    }
  });
}

/**
 * The owner rules, last match wins as in CODEOWNERS: `owners:` in lanes.yml when it has any, otherwise the
 * repository's CODEOWNERS file. Returned in match order (the last rule of the file first).
 */
export async function readOwnerRules(deps: ConfigDeps): Promise<OwnerRule[]> {
  const config = await readRepoConfig(deps);
  const own = Object.entries(config.owners);
  if (own.length > 0) return own.map(([pattern, owners]) => ({ pattern, owners })).reverse();
  const cache = deps.files ?? uncached;
  return cache.get(`${repoName(deps.repo)}:codeowners`, async () => {
    for (const path of CODEOWNERS_PATHS) {
      const text = await deps.github.readFile(deps.repo, path);
      if (text !== null) return parseCodeowners(text).filter((rule) => rule.owners.length > 0);
    }
    return [];
  });
}
