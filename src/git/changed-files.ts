// The files a branch changed since it left its base (`git diff --name-only base...branch`).
import { gitIn, type GitRepo } from "./git-repo.js";

export async function changedFiles(repo: GitRepo, base: string, branch: string): Promise<string[]> {
  const { stdout } = await gitIn(repo, ["-c", "core.quotePath=false", "diff", "--name-only", "-z", "--no-renames", `${base}...${branch}`, "--"]);
  return stdout.split("\0").filter((f) => f.length > 0);
}
