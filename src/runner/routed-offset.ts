// How far into the stack's event log the supervisor has routed events, kept across supervisor restarts
// so that events logged while none ran are routed by the next one instead of being skipped.
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StackPaths } from "./stack-paths.js";

const file = (paths: Pick<StackPaths, "dir">) => join(paths.dir, "supervisor.routed");

export async function readRoutedOffset(paths: Pick<StackPaths, "dir">): Promise<number | undefined> {
  if (!existsSync(file(paths))) return undefined;
  const value = Number((await readFile(file(paths), "utf8").catch(() => "")).trim());
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export async function saveRoutedOffset(paths: Pick<StackPaths, "dir">, offset: number): Promise<void> {
  const target = file(paths);
  await writeFile(`${target}.tmp`, `${offset}\n`);
  await rename(`${target}.tmp`, target);
}
