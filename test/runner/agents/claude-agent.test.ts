import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentLaunchInput } from "../../../src/runner/agents/agent-adapter.js";
import { claudeAgent } from "../../../src/runner/agents/claude-agent.js";
import { AgentUnavailableError } from "../../../src/runner/errors.js";
import { lanePermissions } from "../../../src/runner/lane-permissions.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

const SESSION = "0b7e3c1e-5a52-4d0c-9a43-1f1f6f0c2d10";

const launch: AgentLaunchInput = {
  worktree: "/w",
  sessionId: SESSION,
  resume: false,
  briefFile: "/state/agents/j.brief.md",
  settingsFile: "/state/agents/j.settings.json",
  permissionMode: "dontAsk",
};

describe("claude agent adapter", () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-claude");
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("starts claude with Lanes' session id, brief and settings, and resumes that session", () => {
    const agent = claudeAgent();
    expect(agent.command(launch)).toEqual([
      "claude",
      "--settings",
      "/state/agents/j.settings.json",
      "--append-system-prompt-file",
      "/state/agents/j.brief.md",
      "--permission-mode",
      "dontAsk",
      "--session-id",
      SESSION,
    ]);
    const again = agent.command({ ...launch, resume: true, model: "sonnet", name: "lanes developer #3" });
    expect(again.slice(-6)).toEqual([
      "--resume",
      SESSION,
      "--model",
      "sonnet",
      "--name",
      "lanes developer #3",
    ]);
  });

  it("writes the hooks and the role's permission policy into a settings file outside the worktree", async () => {
    const file = join(tmp.path, "agents", "j.settings.json");
    const permissions = lanePermissions({
      worktree: "/wt/dev-3",
      validation: ["npm test"],
      packageManager: "npm",
      configured: [{ allow: ["WebFetch(domain:docs.example.com)"], deny: ["Bash(rm -rf:*)"] }],
      sandboxed: false,
    });
    await claudeAgent().writeSettings({
      file,
      hookCommand: ["/usr/bin/node", "/opt/lanes main.js", "hook"],
      permissions,
    });
    const settings = JSON.parse(await readFile(file, "utf8"));
    for (const event of ["Stop", "Notification", "SessionStart", "SessionEnd"]) {
      expect(settings.hooks[event]).toEqual([
        {
          hooks: [
            { type: "command", command: `/usr/bin/node '/opt/lanes main.js' hook ${event}`, timeout: 30 },
          ],
        },
      ]);
    }
    expect(settings.permissions.defaultMode).toBe("dontAsk");
    expect(settings.permissions.allow).toEqual(
      expect.arrayContaining([
        "Read(//wt/dev-3/**)",
        "Edit(//wt/dev-3/**)",
        "Bash(git commit:*)",
        "Bash(npm test)",
        "Bash(npm run:*)",
        "WebFetch(domain:docs.example.com)",
      ]),
    );
    expect(settings.permissions.deny).toEqual(
      expect.arrayContaining([
        "Bash(git push:*)",
        "Bash(git checkout:*)",
        "Read(~/.ssh/**)",
        "Bash(rm -rf:*)",
      ]),
    );
    expect(settings.skipDangerousModePermissionPrompt).toBeUndefined();
  });

  it("fails clearly when claude is not on PATH", async () => {
    const check = claudeAgent().check({ PATH: tmp.path, HOME: tmp.path });
    await expect(check).rejects.toBeInstanceOf(AgentUnavailableError);
    await expect(check).rejects.toThrow(/not installed on this runner host.*--agent script/);
  });

  it("asks `claude auth status` whether it is logged in", async () => {
    const bin = join(tmp.path, "bin");
    await mkdir(bin);
    const fake = (loggedIn: boolean) =>
      `#!/bin/sh\nif [ "$1" = auth ]; then echo '{"loggedIn": ${loggedIn}, "authMethod": "none"}'; exit ${loggedIn ? 0 : 1}; fi\necho '2.1.197 (Claude Code)'\n`;
    await writeFile(join(bin, "claude"), fake(false));
    await chmod(join(bin, "claude"), 0o755);
    const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: tmp.path, ANTHROPIC_API_KEY: "k" };
    // the CLI's own answer wins over what the environment suggests
    await expect(claudeAgent().check(env)).rejects.toThrow(
      /2\.1\.197 \(Claude Code\) is installed but not logged in/,
    );
    await writeFile(join(bin, "claude"), fake(true));
    await expect(claudeAgent().check(env)).resolves.toBeUndefined();
  });

  it("falls back to looking for credentials when claude has no `auth status`", async () => {
    const bin = join(tmp.path, "bin");
    await mkdir(bin);
    await writeFile(join(bin, "claude"), "#!/bin/sh\necho '2.0.0 (Claude Code)'\n");
    await chmod(join(bin, "claude"), 0o755);
    const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: tmp.path };
    await expect(claudeAgent().check(env)).rejects.toThrow(
      /2\.0\.0 \(Claude Code\) is installed but not logged in/,
    );
    await expect(claudeAgent().check({ ...env, ANTHROPIC_API_KEY: "k" })).resolves.toBeUndefined();
  });
});
