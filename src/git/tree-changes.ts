// The file-level changes between two commits or trees (`git diff-tree -r --no-renames`), each with the new
// mode and blob, so they can be replayed onto another tree. Many pairs cost one process (`--stdin`).
import { GitError } from "./errors.js";
import { gitIn, type GitRepo } from "./git-repo.js";

export type TreeChangeStatus = "A" | "M" | "D" | "T";

export interface TreeChange {
  path: string;
  status: TreeChangeStatus;
  /** The mode and object after the change ("000000" and the null id for a deletion). */
  mode: string;
  object: string;
}

const BASE_ARGS = [
  "-c",
  "core.quotePath=false",
  "diff-tree",
  "-r",
  "-z",
  "--no-renames",
  "--no-ext-diff",
] as const;

/** Parses `:oldmode newmode oldsha newsha status NUL path NUL` entries, starting at `at`; stops at a non-entry field. */
function parseEntries(fields: readonly string[], at: number, into: TreeChange[]): number {
  while (at < fields.length && (fields[at] as string).startsWith(":")) {
    const [, mode, , object, status] = (fields[at] as string).slice(1).split(" ");
    const path = fields[at + 1];
    if (mode === undefined || object === undefined || path === undefined || !/^[AMDT]$/.test(status ?? "")) {
      throw new GitError(BASE_ARGS, 0, `unexpected diff-tree entry "${fields[at]}"`, "");
    }
    into.push({ path, status: status as TreeChangeStatus, mode, object });
    at += 2;
  }
  return at;
}

/** The changes from tree-ish `from` to tree-ish `to`. */
export async function treeChanges(repo: GitRepo, from: string, to: string): Promise<TreeChange[]> {
  const { stdout } = await gitIn(repo, [...BASE_ARGS, from, to]);
  const changes: TreeChange[] = [];
  parseEntries(stdout.split("\0"), 0, changes);
  return changes;
}

/** The changes from each pair's `from` commit to its `to` commit, in one `git diff-tree --stdin`. */
export async function commitChanges(
  repo: GitRepo,
  pairs: readonly { from: string; to: string }[],
): Promise<TreeChange[][]> {
  if (pairs.length === 0) return [];
  // A line "<to> <from>" diffs <to> against <from> as if it were its only parent; --always echoes the id
  // even for an empty diff, so every pair gets a header.
  const input = pairs.map((p) => `${p.to} ${p.from}\n`).join("");
  const { stdout } = await gitIn(repo, [...BASE_ARGS, "--stdin", "--always"], { input });
  const fields = stdout.split("\0");
  const result: TreeChange[][] = [];
  let at = 0;
  for (const pair of pairs) {
    if (fields[at] !== pair.to)
      throw new GitError(
        BASE_ARGS,
        0,
        `diff-tree --stdin answered "${fields[at]}" where ${pair.to} was expected`,
        repo.dir,
      );
    const changes: TreeChange[] = [];
    at = parseEntries(fields, at + 1, changes);
    result.push(changes);
  }
  return result;
}
