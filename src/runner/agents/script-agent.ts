// The script agent adapter: runs the scripted stand-in (script-agent-main.ts) in the pane. Its hooks are
// built in: it calls `lanes hook` itself, exactly as Claude Code's hooks would.
import { nodeEntry } from "../lanes-command.js";
import type { AgentAdapter } from "./agent-adapter.js";

export function scriptAgent(): AgentAdapter {
  return {
    kind: "script",
    async check() {
      // node is running this very process; nothing else is needed
    },
    async writeSettings() {
      // the script agent reports through `lanes hook` on its own and asks for no permissions
    },
    command(input) {
      return [
        ...nodeEntry("runner/agents/script-agent-main"),
        input.resume ? "--resume" : "--session-id",
        input.sessionId,
      ];
    },
  };
}
