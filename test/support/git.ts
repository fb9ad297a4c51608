// Throwaway git repositories in temp dirs, with a fixed identity and no global config leaking in.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { makeTempDir } from "./tmp.js";

const run = promisify(execFile);

export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Lanes Test",
  GIT_AUTHOR_EMAIL: "test@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Test",
  GIT_COMMITTER_EMAIL: "test@lanes.invalid",
};

export interface TestRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  /** Writes files (path → content) and commits them; returns the new commit sha. */
  commit(message: string, files: Record<string, string>): Promise<string>;
  remove(): Promise<void>;
}

export async function makeRepo(options: { bare?: boolean; branch?: string } = {}): Promise<TestRepo> {
  const tmp = await makeTempDir("lanes-repo");
  const dir = tmp.path;
  const git = async (...args: string[]) => (await run("git", args, { cwd: dir, env: gitEnv })).stdout.trim();
  await git("init", "-q", "-b", options.branch ?? "main", ...(options.bare ? ["--bare"] : []));
  return {
    dir,
    git,
    async commit(message, files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, content);
      }
      await git("add", "-A");
      await git("commit", "-q", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    remove: tmp.remove,
  };
}
