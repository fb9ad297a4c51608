// Local and remote-tracking lane branches (`lanes/...`) and the files each changes since the base.
import { runGit } from "./run-git.js";

export async function laneBranches(cwd: string): Promise<string[]> {
  const out = await runGit(["for-each-ref", "--format=%(refname:short)", "refs/heads/lanes/", "refs/remotes/origin/lanes/"], { cwd });
  return out.stdout.split("\n").filter((b) => b.length > 0);
}

export async function changedFiles(cwd: string, base: string, head: string): Promise<string[]> {
  const out = await runGit(["-c", "core.quotePath=false", "diff", "--name-only", "-z", `${base}...${head}`], { cwd });
  return out.stdout.split("\0").filter((f) => f.length > 0);
}
