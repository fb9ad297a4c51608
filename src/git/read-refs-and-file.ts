// One `git cat-file --batch-command` for what a command needs to know before it starts: which of many
// refs name a commit, and the text of one file at a revision. One process instead of one per question;
// a git older than 2.36 (no --batch-command, e.g. Ubuntu 22.04's 2.34) gets the two processes it took before.
import { GitError } from "./errors.js";
import { gitIn, type GitRepo } from "./git-repo.js";
import { resolveCommits } from "./refs.js";

export interface RefsAndFile {
  /** Each ref asked for, mapped to the commit it names, or undefined when it names none. */
  commits: Map<string, string | undefined>;
  /** The file's text, or undefined when there is no such file at that revision. */
  file: string | undefined;
}

/** `file` is `<revision>:<path>`, e.g. `main:.github/lanes.yml`. Refs with whitespace name nothing. */
export async function readRefsAndFile(
  repo: GitRepo,
  refs: readonly string[],
  file: string,
): Promise<RefsAndFile> {
  const commits = new Map<string, string | undefined>(refs.map((r) => [r, undefined]));
  const usable = [...new Set(refs.filter((r) => !/\s/.test(r)))];
  const fileUsable = !/\n/.test(file);
  // The file's contents come last: everything after the info lines is its header and its text.
  const input = [
    ...usable.map((r) => `info ${r}^{commit}`),
    ...(fileUsable ? [`contents ${file}`] : []),
  ].join("\n");
  let stdout: string;
  try {
    ({ stdout } = await gitIn(repo, ["cat-file", "--batch-command=%(objectname) %(objecttype)"], {
      input: `${input}\n`,
    }));
  } catch (error) {
    // 129: git's usage error, an option this git does not know
    if (error instanceof GitError && error.exitCode === 129) return readSeparately(repo, refs, file);
    throw error;
  }
  let at = 0;
  const nextLine = (): string => {
    const end = stdout.indexOf("\n", at);
    const line = stdout.slice(at, end === -1 ? stdout.length : end);
    at = end === -1 ? stdout.length : end + 1;
    return line;
  };
  for (const ref of usable) {
    const [id, type] = nextLine().split(" ");
    commits.set(ref, type === "commit" ? id : undefined);
  }
  if (!fileUsable) return { commits, file: undefined };
  const [, type] = nextLine().split(" ");
  // the object's bytes, then the newline git adds after every object
  return { commits, file: type === "blob" ? stdout.slice(at, stdout.length - 1) : undefined };
}

async function readSeparately(repo: GitRepo, refs: readonly string[], file: string): Promise<RefsAndFile> {
  const [commits, blob] = await Promise.all([
    resolveCommits(repo, refs),
    gitIn(repo, ["cat-file", "blob", file], { okExitCodes: [128] }),
  ]);
  return { commits, file: blob.exitCode === 0 ? blob.stdout : undefined };
}
