// A token cache for @octokit/auth-app that honours each installation token's expires_at. auth-app's own
// cache keeps a token 59 minutes whatever GitHub says; this one drops it shortly before it expires, so the
// next request mints a fresh one and a long-running stack never sends an expired token.
const FIVE_MINUTES = 5 * 60_000;

/** auth-app's cache interface (values are its "token|createdAt|expiresAt|…" strings). */
export interface TokenCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/**
 * Refreshes when less than five minutes (or a fifth of the token's life, for short-lived tokens)
 * remain. `now` is injectable for tests.
 */
export function expiringTokenCache(now: () => number = Date.now): TokenCache {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      const [, createdAt = "", expiresAt = ""] = value.split("|");
      const created = Date.parse(createdAt);
      const expires = Date.parse(expiresAt);
      if (Number.isNaN(expires)) return value;
      const life = Number.isNaN(created) ? FIVE_MINUTES * 5 : expires - created;
      const margin = Math.min(FIVE_MINUTES, Math.max(0, life) / 5);
      if (expires - now() > margin) return value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      entries.set(key, value);
    },
  };
}
