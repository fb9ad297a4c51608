// Which queues a `lanes queue …` command means when no --repo or --prefix is given: the stack of the
// current directory (its prefix and, for a stack running its own redis-server, its Redis), else the
// GitHub repository of the current directory's git remote.
import { existsSync } from "node:fs";
import { runGit } from "../../git/run-git.js";
import { readStackRecord } from "../../runner/stack-record.js";
import { stackNameFor, stackPaths } from "../../runner/stack-paths.js";
import { githubRepoOfRemote } from "../../text/github-remote.js";

export interface StateTarget {
  repo?: string | undefined;
  prefix?: string | undefined;
  redisUrl?: string | undefined;
  /** Where it came from, for messages. */
  from: string;
}

async function fromStack(cwd: string, env: NodeJS.ProcessEnv): Promise<StateTarget | undefined> {
  const top = await runGit(["rev-parse", "--show-toplevel"], { cwd, okExitCodes: [128] }).catch(
    () => undefined,
  );
  const dir = top?.exitCode === 0 ? top.stdout.trim() : cwd;
  const name = stackNameFor(dir);
  const paths = stackPaths(env, name);
  if (!existsSync(paths.record)) return undefined;
  const record = await readStackRecord(paths.record, name);
  return { prefix: record.prefix, redisUrl: record.redisUrl, from: `stack ${name}` };
}

async function fromRemote(cwd: string): Promise<StateTarget | undefined> {
  const remotes = await runGit(["remote", "-v"], { cwd, okExitCodes: [128] }).catch(() => undefined);
  if (!remotes || remotes.exitCode !== 0) return undefined;
  const lines = remotes.stdout.split("\n").map((l) => l.split(/\s+/));
  // origin first, then any other remote that is on GitHub
  const ordered = [...lines.filter((l) => l[0] === "origin"), ...lines.filter((l) => l[0] !== "origin")];
  for (const [remote, url] of ordered) {
    const repo = url ? githubRepoOfRemote(url) : undefined;
    if (repo) return { repo, from: `git remote ${remote}` };
  }
  return undefined;
}

export async function inferStateTarget(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<StateTarget | undefined> {
  return (await fromStack(cwd, env)) ?? (await fromRemote(cwd));
}
