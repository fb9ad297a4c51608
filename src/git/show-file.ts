// One file's content at a commit, or undefined when the file does not exist there.
import { runGit } from "./run-git.js";

export async function showFile(cwd: string, rev: string, path: string): Promise<string | undefined> {
  const out = await runGit(["cat-file", "blob", `${rev}:${path}`], { cwd, okExitCodes: [128] });
  return out.exitCode === 0 ? out.stdout : undefined;
}
