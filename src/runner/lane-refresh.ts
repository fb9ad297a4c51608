// A lane branch that already exists when its lane opens (a retried or requeued job) may be forked from
// an old base. It is brought onto the current base before the agent starts: rebased while it was never
// pushed, merged once it was (a push is never forced); a conflict leaves it as it was, reported stale.
import { gitText, runGit } from "../git/run-git.js";
import { mergeBranchesInto } from "./lane-commit.js";

export type RefreshResult =
  | { how: "current" }
  | { how: "rebased" | "merged"; behind: number }
  | { how: "stale"; behind: number; conflicts: string[] };

/** Identity for the commits a rebase or merge writes when the environment has none. */
const FALLBACK_IDENTITY = ["-c", "user.name=Lanes", "-c", "user.email=lanes@users.noreply.github.com"];

async function published(worktree: string, branch: string): Promise<boolean> {
  const refs = await gitText(["for-each-ref", "--format=%(refname)", "refs/remotes"], { cwd: worktree });
  return refs.split("\n").some((ref) => ref.endsWith(`/${branch}`));
}

export async function refreshLaneBranch(
  worktree: string,
  base: string,
  env?: NodeJS.ProcessEnv,
): Promise<RefreshResult> {
  const behind = Number(await gitText(["rev-list", "--count", `HEAD..${base}`], { cwd: worktree, env }));
  if (!(behind > 0)) return { how: "current" };
  const branch = await gitText(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: worktree, env });
  if (await published(worktree, branch)) {
    const merged = await mergeBranchesInto(worktree, [base], env);
    return merged.ok ? { how: "merged", behind } : { how: "stale", behind, conflicts: merged.conflicts };
  }
  const rebase = await runGit([...FALLBACK_IDENTITY, "rebase", "-q", "--autostash", base], {
    cwd: worktree,
    env,
    okExitCodes: [1, 128],
  });
  if (rebase.exitCode === 0) return { how: "rebased", behind };
  const conflicts = (await gitText(["diff", "--name-only", "--diff-filter=U"], { cwd: worktree, env }))
    .split("\n")
    .filter(Boolean);
  await runGit(["rebase", "--abort"], { cwd: worktree, env, okExitCodes: [128] });
  return { how: "stale", behind, conflicts };
}

/** What the lane's record and the log say about it; none for a branch already on the base. */
export function refreshNote(result: RefreshResult, base: string): string | undefined {
  if (result.how === "current") return undefined;
  if (result.how === "stale")
    return `stale: the branch is ${result.behind} commit(s) behind ${base} and conflicts with it in ${result.conflicts.join(", ") || "some files"}; it was left as it was (rebase it by hand)`;
  return `the branch was ${result.behind} commit(s) behind ${base}: ${result.how} onto it`;
}
