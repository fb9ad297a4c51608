// Keys `.github/lanes.yml` once accepted but nothing read: each is refused with where the setting lives
// instead, so a config never looks as if it did something it does not.

/** Dotted key path → why it is refused and what to use. */
export const RETIRED_KEYS: Readonly<Record<string, string>> = {
  redis:
    "Redis is not configured in lanes.yml (a URL there would commit its password): set REDIS_URL (or --redis) for the server and LANES_PREFIX (or --prefix) for the key prefix in the runner's environment",
  "retry.backoff_seconds":
    "the queue's backoff is fixed (5 s, 15 s, 30 s, then needs-human); only retry.attempts is read",
  "integration.schedule":
    "the integration schedule is the cron of .github/workflows/lanes-integrate.yml (`lanes init` writes it); edit it there",
  "branches.integration": "the integration branch is always lanes/integration/<date>",
  "roles.*.paths":
    "the paths a lane may change come from its PRP's `paths` front matter, which the lane gate reads",
};

export function retiredKeyReason(path: string): string | undefined {
  return RETIRED_KEYS[path] ?? RETIRED_KEYS[path.replace(/^roles\.[^.]+\./, "roles.*.")];
}
