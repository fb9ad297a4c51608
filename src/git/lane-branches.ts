// Local and remote-tracking lane branches (`lanes/...`).
import { runGit } from "./run-git.js";

const LANE_REFS = ["refs/heads/lanes/", "refs/remotes/origin/lanes/"];

export async function laneBranches(cwd: string): Promise<string[]> {
  const out = await runGit(["for-each-ref", "--format=%(refname:short)", ...LANE_REFS], { cwd });
  return out.stdout.split("\n").filter((b) => b.length > 0);
}

export interface LaneTip {
  branch: string;
  commit: string;
}

/**
 * Lane branches with their commits, optionally only those reachable from a commit (`merged`: its
 * ancestors, itself included) or those that reach it (`contains`: its descendants, itself included).
 */
export async function laneBranchTips(
  cwd: string,
  filter: { merged?: string; contains?: string } = {},
): Promise<LaneTip[]> {
  const args = ["for-each-ref", "--format=%(refname:short) %(objectname)"];
  if (filter.merged !== undefined) args.push(`--merged=${filter.merged}`);
  if (filter.contains !== undefined) args.push(`--contains=${filter.contains}`);
  const out = await runGit([...args, ...LANE_REFS], { cwd });
  return out.stdout
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const at = line.lastIndexOf(" ");
      return { branch: line.slice(0, at), commit: line.slice(at + 1) };
    });
}
