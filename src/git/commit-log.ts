// The commits a branch adds over its base, oldest first.
import { runGit } from "./run-git.js";

export interface LogCommit {
  sha: string;
  subject: string;
  body: string;
  authoredAt: string;
}

export async function commitLog(cwd: string, base: string, head: string): Promise<LogCommit[]> {
  const out = await runGit(["log", "--reverse", "--no-color", "--format=%H%x00%s%x00%b%x00%aI%x1e", `${base}..${head}`], { cwd });
  return out.stdout
    .split("\x1e")
    .map((record) => record.replace(/^\n/, ""))
    .filter((record) => record.length > 0)
    .map((record) => {
      const [sha = "", subject = "", body = "", authoredAt = ""] = record.split("\0");
      return { sha, subject, body: body.trim(), authoredAt: authoredAt.trim() };
    });
}
