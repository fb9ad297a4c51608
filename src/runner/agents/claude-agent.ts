// The Claude Code adapter: `claude` in the pane with the lane's model, session, brief and settings,
// all passed on its command line from files outside the worktree. A missing or logged-out `claude`
// fails fast with a clear message.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import * as z from "zod";
import { AgentUnavailableError } from "../errors.js";
import type { AgentAdapter, AgentLaunchInput } from "./agent-adapter.js";
import { claudeSettings } from "./claude-settings.js";
import { trustFolderForClaude } from "./claude-trust.js";

function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("claude", [...args], { env, timeout: 15_000 }, (error, stdout) =>
      resolve(error && !stdout ? null : stdout.trim()),
    );
  });
}

const AuthStatusSchema = z.looseObject({ loggedIn: z.boolean() });

/** Whether this host has Claude Code credentials in its environment or a login file. */
export function hasClaudeCredentials(env: NodeJS.ProcessEnv): boolean {
  if (env.ANTHROPIC_API_KEY || env.CLAUDE_CODE_OAUTH_TOKEN || env.ANTHROPIC_AUTH_TOKEN) return true;
  const configDir = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), ".claude");
  return existsSync(join(configDir, ".credentials.json"));
}

export interface ClaudeLogin {
  loggedIn: boolean;
  /** How it was learned: Claude Code's own answer, or credentials seen in the environment or on disk. */
  source: "auth status" | "credentials";
}

/** `claude auth status --json` (Claude Code 2.x); older versions fall back to looking for credentials. */
export async function claudeLogin(env: NodeJS.ProcessEnv): Promise<ClaudeLogin> {
  const out = await run(["auth", "status", "--json"], env);
  try {
    const status = AuthStatusSchema.safeParse(JSON.parse(out ?? ""));
    if (status.success) return { loggedIn: status.data.loggedIn, source: "auth status" };
  } catch {
    // not JSON: a Claude Code without `auth status`
  }
  return { loggedIn: hasClaudeCredentials(env), source: "credentials" };
}

async function loggedIn(env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await claudeLogin(env)).loggedIn;
}

export function claudeAgent(): AgentAdapter {
  return {
    kind: "claude",

    async check(env) {
      const found = await run(["--version"], env);
      if (found === null) {
        throw new AgentUnavailableError(
          "Claude Code (`claude`) is not installed on this runner host or not on PATH; install it with `npm i -g @anthropic-ai/claude-code`, or start the stack with `--agent script`",
        );
      }
      if (!(await loggedIn(env))) {
        throw new AgentUnavailableError(
          `Claude Code ${found} is installed but not logged in on this runner host; run \`claude\` once and log in, or set ANTHROPIC_API_KEY for the stack`,
        );
      }
    },

    async writeSettings({ file, hookCommand, permissions }) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(claudeSettings(hookCommand, permissions), null, 2)}\n`);
    },

    trustFolder: trustFolderForClaude,

    command(input: AgentLaunchInput) {
      return [
        "claude",
        "--settings",
        input.settingsFile,
        "--append-system-prompt-file",
        input.briefFile,
        "--permission-mode",
        input.permissionMode,
        ...(input.resume ? ["--resume", input.sessionId] : ["--session-id", input.sessionId]),
        ...(input.model ? ["--model", input.model] : []),
        ...(input.name ? ["--name", input.name] : []),
      ];
    },
  };
}
