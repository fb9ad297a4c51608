// The settings file a Claude Code lane starts with (`claude --settings <file>`): the Lanes hooks and
// the lane's permission policy. It adds to the project's own settings and never replaces them.
import type { ClaudePermissions } from "../lane-permissions.js";
import { shellCommand } from "../lanes-command.js";
import { HOOK_EVENTS } from "./agent-adapter.js";

interface HookEntry {
  hooks: { type: "command"; command: string; timeout: number }[];
}

export interface ClaudeSettings {
  hooks: Record<string, HookEntry[]>;
  permissions: ClaudePermissions;
  /** Only in a sandboxed runner: bypass mode starts without its interactive warning. */
  skipDangerousModePermissionPrompt?: true;
}

export function claudeSettings(
  hookCommand: readonly string[],
  permissions: ClaudePermissions,
): ClaudeSettings {
  const hooks = Object.fromEntries(
    HOOK_EVENTS.map((event) => [
      event,
      [
        {
          hooks: [{ type: "command" as const, command: shellCommand([...hookCommand, event]), timeout: 30 }],
        },
      ],
    ]),
  );
  return {
    hooks,
    permissions,
    ...(permissions.defaultMode === "bypassPermissions"
      ? { skipDangerousModePermissionPrompt: true as const }
      : {}),
  };
}
