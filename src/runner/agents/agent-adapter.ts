// The agent adapter port: how a lane's agent program is started in its pane and wired to `lanes hook`.
// Nothing an adapter writes goes into the worktree: settings and brief live in the stack's directory.
import type { ClaudePermissions, PermissionMode } from "../lane-permissions.js";

export interface AgentLaunchInput {
  worktree: string;
  /** Model from the PRP or the role (claude only). */
  model?: string | undefined;
  /** The lane's session id, chosen by Lanes when the lane opens (a UUID). */
  sessionId: string;
  /** Continue that session (it has a conversation) rather than start it. */
  resume: boolean;
  /** The lane brief, a file outside the worktree. */
  briefFile: string;
  /** The settings `writeSettings` wrote, a file outside the worktree. */
  settingsFile: string;
  /** Also given on the command line, where it wins over a mode in the project's settings. */
  permissionMode: PermissionMode;
  /** A display name for the session, e.g. "lanes developer #12". */
  name?: string | undefined;
}

export interface AgentSettings {
  file: string;
  /** argv of `lanes hook`; the adapter appends the event name. */
  hookCommand: readonly string[];
  permissions: ClaudePermissions;
}

export interface AgentAdapter {
  readonly kind: "claude" | "script";
  /** Throws AgentUnavailableError with a clear message when the agent cannot run on this host. */
  check(env: NodeJS.ProcessEnv): Promise<void>;
  /** Writes the agent's settings: its lifecycle events call `hookCommand <event>`, and its permissions. */
  writeSettings(settings: AgentSettings): Promise<void>;
  /** argv the pane runs. */
  command(input: AgentLaunchInput): string[];
  /** Answers, before the agent starts, a first-run question it would ask about a new folder (Claude's trust prompt). */
  trustFolder?(worktree: string, env: NodeJS.ProcessEnv): Promise<void>;
}

export const HOOK_EVENTS = ["Stop", "Notification", "SessionStart", "SessionEnd"] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];
