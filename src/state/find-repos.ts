// Which repositories have Lanes state in this Redis: found from their key names (SCAN, never KEYS), so a
// dashboard started without naming one shows every repository the runners and the App work on.
import type { Redis } from "ioredis";

const PATTERNS = ["lanes:{*}:jobs", "lanes:{*}:board:lanes"];
const REPO_OF = /^lanes:\{([^}]+)\}:/;

export async function findRepos(redis: Redis, limit = 200): Promise<string[]> {
  const repos = new Set<string>();
  for (const match of PATTERNS) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", match, "COUNT", 1_000);
      cursor = next;
      for (const key of keys) {
        const repo = REPO_OF.exec(key)?.[1];
        if (repo) repos.add(repo);
      }
    } while (cursor !== "0" && repos.size < limit);
  }
  return [...repos].sort();
}
