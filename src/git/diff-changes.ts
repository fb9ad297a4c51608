// The files a branch changes since it left the base (`base...head`) or since a given tree, each with its -U0 patch and the
// added lines numbered as in the head version.
import { runGit } from "./run-git.js";

export type DiffStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "type-changed";

export interface DiffChange {
  path: string;
  oldPath?: string;
  status: DiffStatus;
  patch: string;
  added: { line: number; text: string }[];
}

const STATUS: Record<string, DiffStatus> = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
  C: "copied",
  T: "type-changed",
};

/** Parses `git diff --name-status -z` output into (status, path, oldPath) entries. */
function parseNameStatus(out: string): { status: DiffStatus; path: string; oldPath?: string }[] {
  const fields = out.split("\0");
  const entries: { status: DiffStatus; path: string; oldPath?: string }[] = [];
  for (let i = 0; i + 1 < fields.length;) {
    const letter = (fields[i] ?? "").charAt(0);
    const status = STATUS[letter] ?? "modified";
    if (letter === "R" || letter === "C") {
      entries.push({ status, oldPath: fields[i + 1] as string, path: fields[i + 2] as string });
      i += 3;
    } else {
      entries.push({ status, path: fields[i + 1] as string });
      i += 2;
    }
  }
  return entries;
}

/** Added lines of one file's -U0 patch, numbered by the `+c,d` side of each hunk header. */
export function addedLines(patch: string): { line: number; text: string }[] {
  const added: { line: number; text: string }[] = [];
  let next = 0;
  let inHunk = false;
  for (const raw of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
    } else if (inHunk && raw.startsWith("+")) added.push({ line: next++, text: raw.slice(1) });
    else if (inHunk && raw.startsWith(" ")) next++;
  }
  return added;
}

export async function diffChanges(cwd: string, base: string, head: string): Promise<DiffChange[]> {
  return diffBetween(cwd, [`${base}...${head}`]);
}

/** The changes from a tree-ish (a commit or a bare tree id, e.g. a virtual base) to `head`. */
export async function diffChangesFrom(cwd: string, from: string, head: string): Promise<DiffChange[]> {
  return diffBetween(cwd, [from, head]);
}

async function diffBetween(cwd: string, range: readonly string[]): Promise<DiffChange[]> {
  const common = ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--find-renames"];
  const [names, patches] = await Promise.all([
    runGit([...common, "--name-status", "-z", ...range, "--"], { cwd }),
    runGit([...common, "-U0", ...range, "--"], { cwd }),
  ]);
  const entries = parseNameStatus(names.stdout);
  const chunks = patches.stdout.split(/^(?=diff --git )/m).filter((c) => c.startsWith("diff --git "));
  return entries.map((entry, index) => {
    const patch = chunks[index] ?? "";
    return { ...entry, patch, added: addedLines(patch) };
  });
}
