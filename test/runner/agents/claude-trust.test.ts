import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claudeAgent } from "../../../src/runner/agents/claude-agent.js";
import { claudeGlobalConfig, trustFolderForClaude } from "../../../src/runner/agents/claude-trust.js";
import { AgentUnavailableError } from "../../../src/runner/errors.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

describe("Claude Code's trust prompt for a lane's new worktree", () => {
  let tmp: TempDir;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-trust");
  });
  afterEach(async () => {
    await tmp.remove();
  });

  it("pre-accepts it in ~/.claude.json for that worktree only, keeping everything else in the file", async () => {
    const env = { HOME: tmp.path };
    const file = join(tmp.path, ".claude.json");
    await writeFile(
      file,
      JSON.stringify({
        numStartups: 7,
        oauthAccount: { emailAddress: "me@example.com" },
        projects: { "/elsewhere": { hasTrustDialogAccepted: false, allowedTools: ["Read"] } },
      }),
    );
    await claudeAgent().trustFolder?.("/lanes/wt/developer--12-health", env);
    const config = JSON.parse(await readFile(file, "utf8"));
    expect(config).toEqual({
      numStartups: 7,
      oauthAccount: { emailAddress: "me@example.com" },
      projects: {
        "/elsewhere": { hasTrustDialogAccepted: false, allowedTools: ["Read"] },
        "/lanes/wt/developer--12-health": {
          hasTrustDialogAccepted: true,
          hasCompletedProjectOnboarding: true,
        },
      },
    });
  });

  it("writes the file Claude Code reads under CLAUDE_CONFIG_DIR, creating it when missing", async () => {
    const env = { HOME: "/nonexistent", CLAUDE_CONFIG_DIR: tmp.path };
    expect(claudeGlobalConfig(env)).toBe(join(tmp.path, ".claude.json"));
    await trustFolderForClaude("/w", env);
    expect(JSON.parse(await readFile(join(tmp.path, ".claude.json"), "utf8"))).toEqual({
      projects: { "/w": { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } },
    });
  });

  it("refuses to overwrite a config that is not JSON", async () => {
    await writeFile(join(tmp.path, ".claude.json"), "{ broken");
    await expect(trustFolderForClaude("/w", { HOME: tmp.path })).rejects.toBeInstanceOf(
      AgentUnavailableError,
    );
    expect(await readFile(join(tmp.path, ".claude.json"), "utf8")).toBe("{ broken");
  });
});
