// Keeps files Lanes places in a repository or its worktrees out of `git add -A`: patterns go into the
// repository's own exclude file (shared by all its worktrees), never into a tracked .gitignore.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { gitText } from "./run-git.js";

/** The exclude file git reads for `cwd` (`info/exclude` of the common git directory). */
export async function gitExcludeFile(cwd: string): Promise<string> {
  return resolve(cwd, await gitText(["rev-parse", "--git-path", "info/exclude"], { cwd }));
}

/** Adds the patterns that are missing to the exclude file; returns the ones added. */
export async function excludeFromGit(cwd: string, patterns: readonly string[]): Promise<string[]> {
  const file = await gitExcludeFile(cwd);
  const present = new Set(
    existsSync(file) ? (await readFile(file, "utf8")).split("\n").map((line) => line.trim()) : [],
  );
  const missing = patterns.filter((p) => !present.has(p));
  if (missing.length === 0) return [];
  await mkdir(dirname(file), { recursive: true });
  const text = existsSync(file) ? await readFile(file, "utf8") : "";
  const lead = text.length > 0 && !text.endsWith("\n") ? "\n" : "";
  await appendFile(file, `${lead}# added by Lanes: its files in lane worktrees\n${missing.join("\n")}\n`);
  return missing;
}
