// Who may run a command: the commenter's permission on the repository through the GitHub port, cached
// briefly (a burst of commands costs one request), against what the command needs and what `lanes.yml`
// `commands.maintain` raises to maintain.
import type { GitHubPort, PermissionLevel, RepoRef } from "../../github/index.js";

const RANK: Record<PermissionLevel, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

export type RequiredPermission = "write" | "maintain";

export function mayRun(level: PermissionLevel, needs: RequiredPermission): boolean {
  return RANK[level] >= RANK[needs];
}

export const PERMISSION_TTL_MS = 60_000;

interface Cached {
  level: Promise<PermissionLevel>;
  until: number;
}

// One cache per port (a port is one installation), so the App needs no extra wiring to share it.
const caches = new WeakMap<GitHubPort, Map<string, Cached>>();

/** The user's permission level, asked at most once a minute per repository and user. */
export function permissionOf(
  port: GitHubPort,
  repo: RepoRef,
  user: string,
  now: number,
): Promise<PermissionLevel> {
  let cache = caches.get(port);
  if (!cache) {
    cache = new Map();
    caches.set(port, cache);
  }
  const key = `${repo.owner}/${repo.repo}:${user.toLowerCase()}`;
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.level;
  const level = port.permissionLevel(repo, user);
  cache.set(key, { level, until: now + PERMISSION_TTL_MS });
  // a failed lookup is not remembered
  level.catch(() => cache.delete(key));
  return level;
}
