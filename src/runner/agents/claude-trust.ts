// Claude Code asks "Do you trust the files in this folder?" the first time it starts in a folder, and a
// lane's worktree is always new: nobody is at the pane to answer. The answer is kept in Claude Code's
// global config (`~/.claude.json`, or `$CLAUDE_CONFIG_DIR/.claude.json`) as
// `projects[<folder>].hasTrustDialogAccepted`; Lanes sets it for the worktree it created, and nothing else.
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { AgentUnavailableError } from "../errors.js";

export function claudeGlobalConfig(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR
    ? join(env.CLAUDE_CONFIG_DIR, ".claude.json")
    : join(env.HOME ?? homedir(), ".claude.json");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Marks `folder` trusted (and its onboarding done), keeping every other key of the config as it was. */
export async function trustFolderForClaude(folder: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = claudeGlobalConfig(env);
  let config: Record<string, unknown> = {};
  if (existsSync(file)) {
    const text = await readFile(file, "utf8");
    let parsed: unknown;
    try {
      parsed = text.trim() === "" ? {} : JSON.parse(text);
    } catch (error) {
      throw new AgentUnavailableError(
        `Claude Code's config ${file} is not JSON, so the lane's folder cannot be marked trusted; fix or remove it`,
        { cause: error, context: { file } },
      );
    }
    if (isRecord(parsed)) config = parsed;
  }
  const projects = isRecord(config.projects) ? config.projects : {};
  const entry = isRecord(projects[folder]) ? projects[folder] : {};
  if (entry.hasTrustDialogAccepted === true && entry.hasCompletedProjectOnboarding === true) return;
  projects[folder] = { ...entry, hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true };
  config.projects = projects;
  // a rename, so a claude reading the file at the same time sees the old or the new one, never half
  const tmp = `${file}.lanes-${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}
