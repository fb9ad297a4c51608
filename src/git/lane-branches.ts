// Local and remote-tracking lane branches (`lanes/...`).
import { runGit } from "./run-git.js";

export async function laneBranches(cwd: string): Promise<string[]> {
  const out = await runGit(["for-each-ref", "--format=%(refname:short)", "refs/heads/lanes/", "refs/remotes/origin/lanes/"], { cwd });
  return out.stdout.split("\n").filter((b) => b.length > 0);
}

