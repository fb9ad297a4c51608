// The Claude Code adapter: `claude` in the pane with the lane's model and session, hooks in the
// worktree's .claude/settings.json. A missing or logged-out `claude` fails fast with a clear message.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { AgentUnavailableError } from "../errors.js";
import { shellCommand } from "../lanes-command.js";
import { HOOK_EVENTS, type AgentAdapter, type AgentLaunchInput } from "./agent-adapter.js";

const SettingsSchema = z.looseObject({ hooks: z.record(z.string(), z.unknown()).optional() });

export interface ClaudeAgentOptions {
  /** Extra flags for unattended work, e.g. a permission mode. */
  flags?: readonly string[];
}

function version(env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("claude", ["--version"], { env, timeout: 10_000 }, (error, stdout) =>
      resolve(error ? null : stdout.trim()),
    );
  });
}

/** Whether this host has Claude Code credentials: an API key, an OAuth token or a login file. */
export function hasClaudeCredentials(env: NodeJS.ProcessEnv): boolean {
  if (env.ANTHROPIC_API_KEY || env.CLAUDE_CODE_OAUTH_TOKEN || env.ANTHROPIC_AUTH_TOKEN) return true;
  const home = env.HOME ?? homedir();
  const configDir = env.CLAUDE_CONFIG_DIR ?? join(home, ".claude");
  return existsSync(join(configDir, ".credentials.json")) || existsSync(join(home, ".claude.json"));
}

export function claudeAgent(options: ClaudeAgentOptions = {}): AgentAdapter {
  const flags = options.flags ?? ["--permission-mode", "acceptEdits"];
  return {
    kind: "claude",

    async check(env) {
      const found = await version(env);
      if (found === null) {
        throw new AgentUnavailableError(
          "Claude Code (`claude`) is not installed on this runner host or not on PATH; install it with `npm i -g @anthropic-ai/claude-code`, or start the stack with `--agent script`",
        );
      }
      if (!hasClaudeCredentials(env)) {
        throw new AgentUnavailableError(
          `Claude Code ${found} is installed but not logged in on this runner host; run \`claude\` once and log in, or set ANTHROPIC_API_KEY for the stack`,
        );
      }
    },

    async installHooks(worktree, hookCommand) {
      const dir = join(worktree, ".claude");
      const file = join(dir, "settings.json");
      await mkdir(dir, { recursive: true });
      let settings: z.infer<typeof SettingsSchema> = {};
      if (existsSync(file)) {
        const parsed = SettingsSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
        if (parsed.success) settings = parsed.data;
      }
      const hooks: Record<string, unknown> = { ...settings.hooks };
      for (const event of HOOK_EVENTS) {
        const command = shellCommand([...hookCommand, event]);
        // keep the project's own hooks for the event; replace only an earlier Lanes entry
        const existing = Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : [];
        const others = existing.filter(
          (entry) => !JSON.stringify(entry).includes(JSON.stringify(command).slice(1, -1)),
        );
        hooks[event] = [...others, { hooks: [{ type: "command", command, timeout: 30 }] }];
      }
      await writeFile(file, `${JSON.stringify({ ...settings, hooks }, null, 2)}\n`);
    },

    command(input: AgentLaunchInput) {
      return [
        "claude",
        ...flags,
        ...(input.model ? ["--model", input.model] : []),
        ...(input.sessionId ? ["--resume", input.sessionId] : []),
      ];
    },
  };
}
