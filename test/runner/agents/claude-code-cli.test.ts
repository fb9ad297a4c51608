// Lanes against the real Claude Code CLI (@anthropic-ai/claude-code), without credentials or network.
// The package is installed into a temp prefix from the npm cache only (`npm install --offline`); when
// it is not cached, the argv is checked against the option list of Claude Code 2.1.197 instead (its
// `--help`, kept in test/fixtures/claude-code, plus the options that --help does not list).
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentLaunchInput } from "../../../src/runner/agents/agent-adapter.js";
import { claudeAgent } from "../../../src/runner/agents/claude-agent.js";
import { lanePermissions } from "../../../src/runner/lane-permissions.js";
import { stackPaths } from "../../../src/runner/stack-paths.js";
import { Tmux } from "../../../src/runner/tmux.js";
import { lanes } from "../../support/cli.js";
import { gitEnv, makeRepo, type TestRepo } from "../../support/git.js";
import { makeTempDir, type TempDir } from "../../support/tmp.js";

/** Options Claude Code 2.1.197 accepts but does not list in --help (checked against the binary). */
const UNLISTED_OPTIONS = ["--append-system-prompt-file"];

/** The environment of a host where Claude Code was never logged in. */
function loggedOutEnv(home: string, bin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ANTHROPIC_|CLAUDE_)/.test(name)),
  );
  return { ...env, HOME: home, PATH: `${bin}:/usr/bin:/bin`, DISABLE_AUTOUPDATER: "1" };
}

describe("Lanes with the real Claude Code CLI, logged out and offline", () => {
  let tmp: TempDir;
  let claudeBin: string | undefined;

  beforeAll(async () => {
    tmp = await makeTempDir("lanes-claude-cli");
    const install = spawnSync(
      "npm",
      [
        "install",
        "--offline",
        "--no-audit",
        "--no-fund",
        "--prefix",
        join(tmp.path, "cc"),
        "@anthropic-ai/claude-code",
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    const bin = join(tmp.path, "cc", "node_modules", ".bin");
    if (install.status === 0 && existsSync(join(bin, "claude"))) claudeBin = bin;
  }, 300_000);
  afterAll(async () => {
    await tmp.remove();
  }, 60_000);

  async function launchArgv(resume: boolean): Promise<string[]> {
    const dir = join(tmp.path, "state");
    const agent = claudeAgent();
    const settingsFile = join(dir, "j.settings.json");
    await agent.writeSettings({
      file: settingsFile,
      // stands in for `lanes hook`: proves the real CLI runs the hooks of the settings Lanes passes
      hookCommand: ["sh", "-c", `echo "$0" >> ${join(tmp.path, "hooks.log")}`],
      permissions: lanePermissions({
        worktree: tmp.path,
        validation: ["npm test"],
        configured: [],
        sandboxed: false,
      }),
    });
    const briefFile = join(dir, "j.brief.md");
    await import("node:fs/promises").then((fs) => fs.writeFile(briefFile, "# Lane: developer on #1\n"));
    const launch: AgentLaunchInput = {
      worktree: tmp.path,
      model: "sonnet",
      sessionId: "0b7e3c1e-5a52-4d0c-9a43-1f1f6f0c2d10",
      resume,
      briefFile,
      settingsFile,
      permissionMode: "dontAsk",
      name: "lanes developer #1",
    };
    return agent.command(launch);
  }

  it("builds an argv the real CLI's parser accepts, to start and to resume a lane's session", async () => {
    for (const resume of [false, true]) {
      const [command, ...args] = await launchArgv(resume);
      expect(command).toBe("claude");
      if (claudeBin) {
        // -p makes the CLI exit after parsing and checking its inputs instead of opening its screen
        const home = join(tmp.path, `home-${resume}`);
        await import("node:fs/promises").then((fs) => fs.mkdir(home, { recursive: true }));
        const run = spawnSync(join(claudeBin, "claude"), [...args, "-p", "ping"], {
          env: loggedOutEnv(home, claudeBin),
          encoding: "utf8",
          timeout: 60_000,
        });
        const output = `${run.stdout}${run.stderr}`;
        expect(output).not.toMatch(/unknown option|not found|Invalid|error: /i);
        // past the parser: a new session stops at the login, a resumed one at its missing conversation
        expect(output).toMatch(resume ? /No conversation found with session ID/ : /Not logged in/);
        if (!resume) expect(await readFile(join(tmp.path, "hooks.log"), "utf8")).toContain("SessionEnd");
      } else {
        const help = await readFile("test/fixtures/claude-code/help-2.1.197.txt", "utf8");
        const known = new Set([...help.matchAll(/--[a-z][a-z-]+/gi)].map((m) => m[0]));
        for (const option of args.filter((a) => a.startsWith("--")))
          expect(known.has(option) || UNLISTED_OPTIONS.includes(option), option).toBe(true);
      }
    }
  }, 180_000);

  it("refuses `stack up --agent claude` at once when claude is not logged in, and starts nothing", async () => {
    let repo: TestRepo | undefined;
    try {
      repo = await makeRepo();
      await repo.commit("init", { "README.md": "x\n" });
      const home = join(tmp.path, "home-up");
      await import("node:fs/promises").then((fs) => fs.mkdir(home, { recursive: true }));
      const bin = claudeBin ?? join(tmp.path, "fake-bin");
      if (!claudeBin) {
        // without the package: a stand-in that answers as Claude Code 2.1.197 does when logged out
        const fs = await import("node:fs/promises");
        await fs.mkdir(bin, { recursive: true });
        await fs.writeFile(
          join(bin, "claude"),
          `#!/bin/sh\nif [ "$1" = auth ]; then echo '{"loggedIn": false, "authMethod": "none"}'; exit 1; fi\necho '2.1.197 (Claude Code)'\n`,
          { mode: 0o755 },
        );
      }
      const env = { ...gitEnv, ...loggedOutEnv(home, bin), LANES_HOME: join(tmp.path, "lanes-home") };
      const started = Date.now();
      const result = await lanes(["stack", "up", "--name", "cc", "--repo", repo.dir, "--agent", "claude"], {
        env,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Claude Code \S+ \(Claude Code\) is installed but not logged in/);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await new Tmux(stackPaths(env, "cc").socket).hasSession("cc")).toBe(false);
    } finally {
      await repo?.remove();
    }
  }, 120_000);
});
