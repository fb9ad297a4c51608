// The agent adapter port: how a lane's agent program is started in its pane and wired to `lanes hook`.

export interface AgentLaunchInput {
  worktree: string;
  /** Model from the PRP or the role (claude only). */
  model?: string | undefined;
  /** A Claude Code session to continue instead of starting cold. */
  sessionId?: string | undefined;
}

export interface AgentAdapter {
  readonly kind: "claude" | "script";
  /** Throws AgentUnavailableError with a clear message when the agent cannot run on this host. */
  check(env: NodeJS.ProcessEnv): Promise<void>;
  /** Wires the agent's lifecycle events to `hookCommand <event>` inside the worktree. */
  installHooks(worktree: string, hookCommand: readonly string[]): Promise<void>;
  /** argv the pane runs. */
  command(input: AgentLaunchInput): string[];
}

export const HOOK_EVENTS = ["Stop", "Notification", "SessionStart", "SessionEnd"] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];
