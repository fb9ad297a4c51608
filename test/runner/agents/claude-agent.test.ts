import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claudeAgent } from "../../../src/runner/agents/claude-agent.js";
import { AgentUnavailableError } from "../../../src/runner/errors.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

describe("claude agent adapter", () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-claude");
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("starts claude with the model and resumes a known session", () => {
    const agent = claudeAgent({ flags: [] });
    expect(agent.command({ worktree: "/w" })).toEqual(["claude"]);
    expect(agent.command({ worktree: "/w", model: "claude-sonnet-4-5", sessionId: "s-1" })).toEqual([
      "claude",
      "--model",
      "claude-sonnet-4-5",
      "--resume",
      "s-1",
    ]);
  });

  it("installs Stop, Notification, SessionStart and SessionEnd hooks, keeping the project's own hooks", async () => {
    await mkdir(join(tmp.path, ".claude"));
    const own = { hooks: [{ type: "command", command: "notify-send done" }] };
    await writeFile(
      join(tmp.path, ".claude", "settings.json"),
      JSON.stringify({ model: "x", hooks: { Stop: [own] } }),
    );
    const agent = claudeAgent();
    await agent.installHooks(tmp.path, ["/usr/bin/node", "/opt/lanes main.js", "hook"]);
    await agent.installHooks(tmp.path, ["/usr/bin/node", "/opt/lanes main.js", "hook"]);
    const settings = JSON.parse(await readFile(join(tmp.path, ".claude", "settings.json"), "utf8"));
    expect(settings.model).toBe("x");
    expect(settings.hooks.Stop).toEqual([
      own,
      { hooks: [{ type: "command", command: "/usr/bin/node '/opt/lanes main.js' hook Stop", timeout: 30 }] },
    ]);
    for (const event of ["Notification", "SessionStart", "SessionEnd"]) {
      expect(settings.hooks[event]).toHaveLength(1);
      expect(settings.hooks[event][0].hooks[0].command).toBe(
        `/usr/bin/node '/opt/lanes main.js' hook ${event}`,
      );
    }
  });

  it("fails clearly when claude is not on PATH", async () => {
    const check = claudeAgent().check({ PATH: tmp.path, HOME: tmp.path });
    await expect(check).rejects.toBeInstanceOf(AgentUnavailableError);
    await expect(check).rejects.toThrow(/not installed on this runner host.*--agent script/);
  });

  it("fails clearly when claude is installed but not logged in, and passes with a key", async () => {
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
