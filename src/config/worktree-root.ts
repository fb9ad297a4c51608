// What `worktree_root` may be: a folder for lane worktrees, never a filesystem root and never far above
// the repository (a lane's worktree is removed when it is done: `/` or `../../..` would put that near
// everything else on the host).

/** Levels a relative worktree root may climb above the repository (`../x-worktrees` is common). */
export const WORKTREE_ROOT_MAX_CLIMB = 1;

/** Why the root is refused, or undefined when it is fine. */
export function worktreeRootProblem(root: string): string | undefined {
  const path = root.trim().replace(/\\/g, "/");
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\x00-\x1f\x7f]/.test(path)) return "it contains control characters";
  if (/^(?:[A-Za-z]:)?\/+$/.test(path) || /^[A-Za-z]:$/.test(path))
    return "it is a filesystem root; lane worktrees need a folder of their own";
  if (/^~\/*$/.test(path)) return "it is the home directory; lane worktrees need a folder of their own";
  const absolute = path.startsWith("/") || /^[A-Za-z]:\//.test(path);
  let depth = 0;
  let lowest = 0;
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    depth += part === ".." ? -1 : 1;
    lowest = Math.min(lowest, depth);
  }
  if (absolute && depth <= 0) return "it is a filesystem root; lane worktrees need a folder of their own";
  if (!absolute && -lowest > WORKTREE_ROOT_MAX_CLIMB)
    return `it climbs ${-lowest} levels above the repository; at most ${WORKTREE_ROOT_MAX_CLIMB} (e.g. ../my-repo-worktrees)`;
  if (
    !absolute &&
    depth <= 0 &&
    lowest <= 0 &&
    path.split("/").every((p) => p === ".." || p === "." || p === "")
  )
    return "it is the repository or a folder above it; lane worktrees need a folder of their own";
  return undefined;
}
