// Reads what project-type detection needs from a directory: relative file paths (bounded depth and
// count, skipping dependency and build folders) and the text of small manifests. Never follows symlinks.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { wantsContent, type ProjectFiles } from "./detection-rules.js";

export interface ReadProjectOptions {
  maxDepth?: number;
  maxFiles?: number;
  /** Manifests larger than this are listed but not read. */
  maxContentBytes?: number;
  maxContentFiles?: number;
}

const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  ".venv",
  "venv",
  "__pycache__",
  "dist",
  "build",
  "target",
  "vendor",
  ".terraform",
  ".next",
  ".nuxt",
  "coverage",
  ".cache",
  ".tox",
]);

export async function readProjectFiles(dir: string, options: ReadProjectOptions = {}): Promise<ProjectFiles> {
  const maxDepth = options.maxDepth ?? 6;
  const maxFiles = options.maxFiles ?? 5_000;
  const paths: string[] = [];
  let level = [""];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && paths.length < maxFiles; depth += 1) {
    const next: string[] = [];
    for (const relative of level) {
      const entries = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) next.push(path);
        else if (entry.isFile() && paths.length < maxFiles) paths.push(path);
      }
    }
    level = next;
  }
  return { paths, contents: await readContents(dir, paths, options) };
}

async function readContents(
  dir: string,
  paths: readonly string[],
  options: ReadProjectOptions,
): Promise<Record<string, string>> {
  const maxBytes = options.maxContentBytes ?? 256 * 1024;
  const maxCount = options.maxContentFiles ?? 200;
  const contents: Record<string, string> = {};
  let count = 0;
  for (const path of paths) {
    if (count >= maxCount) break;
    if (!wantsContent(path)) continue;
    const full = join(dir, path);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined || info.size > maxBytes) continue;
    const text = await readFile(full, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    contents[path] = text;
    count += 1;
  }
  return contents;
}
