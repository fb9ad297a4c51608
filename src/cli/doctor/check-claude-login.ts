// Whether Claude Code looks logged in, from what is cheap to see: an API key in the environment, or
// the credentials file `claude` writes on Linux. (On macOS the login is in the keychain: not seen here.)
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DoctorCheck } from "./doctor-check.js";

export function checkClaudeLogin(env: NodeJS.ProcessEnv): DoctorCheck {
  const name = "claude login";
  if ((env.ANTHROPIC_API_KEY ?? "").trim() !== "")
    return { name, status: "ok", detail: "ANTHROPIC_API_KEY is set" };
  const home = env.CLAUDE_CONFIG_DIR ?? (env.HOME ? join(env.HOME, ".claude") : undefined);
  if (home && existsSync(join(home, ".credentials.json")))
    return { name, status: "ok", detail: `credentials in ${home}` };
  return {
    name,
    status: "warn",
    detail:
      "no login found: run `claude` once as this user and log in (or set ANTHROPIC_API_KEY) before a stack runs real agents",
  };
}
