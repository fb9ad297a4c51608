// Whether Claude Code is logged in: Claude Code's own answer (`claude auth status --json`, 2.x) when it
// gives one, else what is cheap to see: a key or token in the environment, or the credentials file
// `claude` writes on Linux. (On macOS the login is in the keychain: only `auth status` sees it.)
import { claudeLogin } from "../../runner/agents/claude-agent.js";
import type { DoctorCheck } from "./doctor-check.js";

const HOW =
  "run `claude` once as this user and log in (or set ANTHROPIC_API_KEY) before a stack runs real agents";

export async function checkClaudeLogin(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const name = "claude login";
  const login = await claudeLogin(env);
  if (login.source === "auth status")
    return login.loggedIn
      ? { name, status: "ok", detail: "`claude auth status` says logged in" }
      : { name, status: "warn", detail: `\`claude auth status\` says not logged in: ${HOW}` };
  if (login.loggedIn) return { name, status: "ok", detail: "credentials found (environment or login file)" };
  return { name, status: "warn", detail: `no login found: ${HOW}` };
}
