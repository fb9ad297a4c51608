// Reading and moving refs: resolve a ref to a commit, merge bases, commit subjects, and update-ref.
import { gitIn, type GitRepo } from "./git-repo.js";

/** The commit a ref names, or undefined when the ref does not exist or is not a commit. */
export async function resolveCommit(repo: GitRepo, ref: string): Promise<string | undefined> {
  const { stdout, exitCode } = await gitIn(
    repo,
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`],
    {
      okExitCodes: [1],
    },
  );
  return exitCode === 0 ? stdout.trim() : undefined;
}

/** The best common ancestor of two commits, or undefined when their histories are unrelated. */
export async function mergeBase(repo: GitRepo, a: string, b: string): Promise<string | undefined> {
  const { stdout, exitCode } = await gitIn(repo, ["merge-base", a, b], { okExitCodes: [1] });
  return exitCode === 0 ? stdout.trim() : undefined;
}

/** Every best common ancestor of two commits (several after criss-cross merges; none when unrelated). */
export async function mergeBases(repo: GitRepo, a: string, b: string): Promise<string[]> {
  const { stdout, exitCode } = await gitIn(repo, ["merge-base", "--all", a, b], { okExitCodes: [1] });
  return exitCode === 0 ? stdout.split("\n").filter((l) => l.length > 0) : [];
}

/** The first line of a commit's message. */
export async function commitSubject(repo: GitRepo, commit: string): Promise<string> {
  const { stdout } = await gitIn(repo, ["log", "-1", "--format=%s", commit, "--"]);
  return stdout.trim();
}

/** Points a branch (refs/heads/<name>) at a commit, with a reflog message. */
export async function updateBranch(
  repo: GitRepo,
  branch: string,
  commit: string,
  reason: string,
): Promise<void> {
  await gitIn(repo, ["update-ref", "-m", reason, `refs/heads/${branch}`, commit]);
}

/** The tree object of a commit. */
export async function treeOf(repo: GitRepo, commit: string): Promise<string> {
  const { stdout } = await gitIn(repo, ["rev-parse", `${commit}^{tree}`]);
  return stdout.trim();
}

/**
 * Resolves many refs with one `git cat-file --batch-check`; a ref that names no commit maps to undefined.
 * Refs in `known` (resolved earlier by the caller) are taken from it: git is asked only for the rest.
 */
export async function resolveCommits(
  repo: GitRepo,
  refs: readonly string[],
  known?: ReadonlyMap<string, string | undefined>,
): Promise<Map<string, string | undefined>> {
  const resolved = new Map<string, string | undefined>();
  for (const ref of refs) resolved.set(ref, known?.get(ref));
  const usable = [...new Set(refs.filter((r) => !known?.has(r) && !/[\s\n]/.test(r)))];
  if (usable.length === 0) return resolved;
  const { stdout } = await gitIn(repo, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    input: usable.map((r) => `${r}^{commit}\n`).join(""),
  });
  const lines = stdout.split("\n");
  usable.forEach((ref, i) => {
    const [id, type] = (lines[i] ?? "").split(" ");
    resolved.set(ref, type === "commit" ? id : undefined);
  });
  return resolved;
}
