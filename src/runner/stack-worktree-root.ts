// Where a stack's lane worktrees live: LANES_WORKTREE_ROOT, else lanes.yml `worktree_root` (relative to
// the repository). Inside an Actions job a root under the job's workspace would be wiped by the next
// job's checkout while the stack still works there: such a stack keeps them in its state directory.
import { isAbsolute, join, relative, resolve } from "node:path";
import { inActionsJob } from "./detached-launcher.js";
import type { StackPaths } from "./stack-paths.js";

function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

export function stackWorktreeRoot(
  repo: string,
  configured: string,
  paths: Pick<StackPaths, "dir">,
  env: NodeJS.ProcessEnv,
): string {
  if (env.LANES_WORKTREE_ROOT) return resolve(repo, env.LANES_WORKTREE_ROOT);
  const root = resolve(repo, configured);
  const workspace = env.GITHUB_WORKSPACE;
  if (inActionsJob(env) && workspace && isInside(root, workspace)) return join(paths.dir, "worktrees");
  return root;
}
