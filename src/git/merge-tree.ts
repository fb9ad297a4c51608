// Merges two commits without a working tree or index (`git merge-tree --write-tree`, git ≥ 2.38).
// It only writes tree and blob objects: never a ref, never the user's checkout.
import { GitError } from "./errors.js";
import { gitIn, type GitRepo } from "./git-repo.js";

export interface MergeMessage {
  paths: string[];
  /** e.g. "CONFLICT (contents)", "Auto-merging". */
  type: string;
  message: string;
}

export type MergeTreeResult =
  | { kind: "clean"; tree: string }
  | { kind: "conflict"; tree: string; files: string[]; messages: MergeMessage[] }
  | { kind: "unrelated" };

export async function mergeTree(repo: GitRepo, ours: string, theirs: string): Promise<MergeTreeResult> {
  let stdout: string;
  let exitCode: number;
  try {
    ({ stdout, exitCode } = await gitIn(
      repo,
      ["merge-tree", "--write-tree", "-z", "--name-only", "--messages", ours, theirs],
      {
        okExitCodes: [1],
      },
    ));
  } catch (error) {
    if (error instanceof GitError && /unrelated histories/.test(error.stderr)) return { kind: "unrelated" };
    throw error;
  }
  return parseMergeTree(stdout, exitCode);
}

/** Parses the -z output: `tree NUL (file NUL)* NUL (count NUL (path NUL)^count type NUL message NUL)*`. */
export function parseMergeTree(stdout: string, exitCode: number): MergeTreeResult {
  const fields = stdout.split("\0");
  const tree = fields[0] ?? "";
  if (exitCode === 0) return { kind: "clean", tree };
  let at = 1;
  const files = new Set<string>();
  while (at < fields.length && fields[at] !== "") files.add(fields[at++] as string);
  at += 1;
  const messages: MergeMessage[] = [];
  while (at < fields.length && fields[at] !== "") {
    const count = Number(fields[at++]);
    const paths = fields.slice(at, at + count);
    at += count;
    const type = fields[at++] ?? "";
    const message = (fields[at++] ?? "").trim();
    messages.push({ paths, type, message });
  }
  return { kind: "conflict", tree, files: [...files], messages };
}
