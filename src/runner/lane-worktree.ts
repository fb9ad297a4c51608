// One worktree per lane under a configurable root, on branch `lanes/<role>/<issue>-<slug>`.
// Reuses a lane's own worktree, falls back to a suffixed branch when the name is taken elsewhere,
// and refuses to touch the repository's own checkout.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { addWorktree, branchExists, listWorktrees, pruneWorktrees, removeWorktree } from "../git/worktree.js";
import { WorktreeError } from "./errors.js";

export interface LaneRef {
  role: string;
  /** Issue number, or a local PRP id in backlog mode. */
  issue: number | string;
  title: string;
  /** An existing branch to continue (a handoff), instead of the one named after role, issue and title. */
  branch?: string;
}

export interface LaneWorktree {
  path: string;
  branch: string;
  /** How it was obtained: created fresh, reused (resume), or suffixed because the name was taken. */
  how: "created" | "reused" | "existing-branch" | "suffixed";
}

export function slugify(title: string, max = 40): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug.length > 0 ? slug : "lane";
}

export function laneBranch(lane: LaneRef): string {
  return `lanes/${lane.role}/${lane.issue}-${slugify(lane.title)}`;
}

/** Default root: a sibling of the repository, so worktrees never sit inside the user's checkout. */
export function defaultWorktreeRoot(repo: string): string {
  const abs = resolve(repo);
  return join(dirname(abs), ".lanes-worktrees", basename(abs));
}

function laneDirName(branch: string): string {
  return branch.replace(/^lanes\//, "").replace(/\//g, "--");
}

/** Creates (or reuses) the lane's worktree and branch from `base`. */
export async function prepareLaneWorktree(
  repo: string,
  root: string,
  lane: LaneRef,
  base: string,
): Promise<LaneWorktree> {
  const repoPath = resolve(repo);
  await pruneWorktrees(repoPath);
  // a handed-off lane continues on the branch the previous role worked on
  const wanted = lane.branch ?? laneBranch(lane);
  const trees = await listWorktrees(repoPath);
  const own = trees.find((t) => t.branch === wanted && !t.main && resolve(t.path).startsWith(resolve(root)));
  if (own) return { path: own.path, branch: wanted, how: "reused" };

  await mkdir(root, { recursive: true });
  const taken = new Set(trees.map((t) => t.branch).filter((b): b is string => b !== null));
  if (!taken.has(wanted)) {
    const path = join(root, laneDirName(wanted));
    if (existsSync(path))
      throw new WorktreeError(`${path} exists but is not a worktree of ${repoPath}; move it away and retry`);
    if (await branchExists(repoPath, wanted)) {
      await addWorktree(repoPath, path, wanted);
      return { path, branch: wanted, how: "existing-branch" };
    }
    await addWorktree(repoPath, path, wanted, base);
    return { path, branch: wanted, how: "created" };
  }
  // The branch is checked out elsewhere (the user's checkout or a foreign worktree): continue from
  // its tip on a suffixed branch rather than disturb that checkout.
  for (let n = 2; n < 100; n++) {
    const branch = `${wanted}-${n}`;
    if (taken.has(branch)) continue;
    const path = join(root, laneDirName(branch));
    if (existsSync(path)) continue;
    if (await branchExists(repoPath, branch)) await addWorktree(repoPath, path, branch);
    else await addWorktree(repoPath, path, branch, wanted);
    return { path, branch, how: "suffixed" };
  }
  throw new WorktreeError(`no free branch name for ${wanted} (tried -2 … -99); delete old lane branches`);
}

/** Removes a lane worktree (the branch stays: it was pushed or holds the lane's work). */
export async function removeLaneWorktree(repo: string, path: string): Promise<void> {
  const repoPath = resolve(repo);
  const trees = await listWorktrees(repoPath);
  const entry = trees.find((t) => resolve(t.path) === resolve(path));
  if (entry?.main || resolve(path) === repoPath) {
    throw new WorktreeError(
      `refusing to remove ${path}: it is the repository's own checkout, not a lane worktree`,
    );
  }
  await removeWorktree(repoPath, path);
}
