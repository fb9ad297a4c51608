// The files a branch changed since it left its base (`git diff --name-only base...branch`), or since a tree-ish.
import { gitIn, type GitRepo } from "./git-repo.js";

export async function changedFiles(repo: GitRepo, base: string, branch: string): Promise<string[]> {
  return diffNames(repo, [`${base}...${branch}`]);
}

/** The files that differ between a tree-ish (a commit or a bare tree id) and a branch. */
export async function changedFilesFrom(repo: GitRepo, from: string, branch: string): Promise<string[]> {
  return diffNames(repo, [from, branch]);
}

async function diffNames(repo: GitRepo, revisions: string[]): Promise<string[]> {
  const { stdout } = await gitIn(repo, [
    "-c",
    "core.quotePath=false",
    "diff",
    "--name-only",
    "-z",
    "--no-renames",
    ...revisions,
    "--",
  ]);
  return stdout.split("\0").filter((f) => f.length > 0);
}
