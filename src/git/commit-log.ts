// The commits a branch adds over its base, oldest first; optionally without those other branches hold.
import { runGit } from "./run-git.js";

export interface LogCommit {
  sha: string;
  subject: string;
  body: string;
  authoredAt: string;
  parents: string[];
}

/** `git log base..head --not <not...>`: the commits of head that neither base nor any of `not` has. */
export async function commitLog(
  cwd: string,
  base: string,
  head: string,
  not: readonly string[] = [],
): Promise<LogCommit[]> {
  const exclude = not.length > 0 ? ["--not", ...not] : [];
  const out = await runGit(
    [
      "log",
      "--reverse",
      "--no-color",
      "--format=%H%x00%P%x00%s%x00%b%x00%aI%x1e",
      `${base}..${head}`,
      ...exclude,
      "--",
    ],
    { cwd },
  );
  return out.stdout
    .split("\x1e")
    .map((record) => record.replace(/^\n/, ""))
    .filter((record) => record.length > 0)
    .map((record) => {
      const [sha = "", parents = "", subject = "", body = "", authoredAt = ""] = record.split("\0");
      return {
        sha,
        subject,
        body: body.trim(),
        authoredAt: authoredAt.trim(),
        parents: parents.split(" ").filter((p) => p.length > 0),
      };
    });
}
