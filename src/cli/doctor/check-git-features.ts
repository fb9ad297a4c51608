// The git version (the gates and `lanes integrate` merge with `merge-tree --write-tree`, git 2.38+), and
// whether `git merge-tree --stdin` (many merges in one process) is available: the integrator's fast path.
import { execFile } from "node:child_process";
import type { DoctorCheck } from "./doctor-check.js";

function output(args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    // `-h` exits 129 after printing the usage; the text is what matters.
    execFile("git", args, { env, timeout: 5_000 }, (error, stdout, stderr) => {
      const text = `${stdout}${stderr}`;
      resolve(error && text === "" ? null : text);
    });
  });
}

export async function checkGitMergeTree(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const name = "git merge-tree --stdin";
  const usage = await output(["merge-tree", "-h"], env);
  if (usage === null) return { name, status: "fail", detail: "git is not installed" };
  return usage.includes("--stdin")
    ? { name, status: "ok", detail: "available" }
    : {
        name,
        status: "warn",
        detail: "not in this git (it arrived in git 2.40); integration still works, one merge per process",
      };
}

/** The oldest git whose `merge-tree --write-tree` the gates and `lanes integrate` use. */
export const MIN_GIT: readonly [number, number] = [2, 38];

/** "git version 2.39.5" → [2, 39]; undefined for output that names no version. */
export function gitVersionOf(text: string): [number, number] | undefined {
  const match = /git version (\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export async function checkGitVersion(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const name = "git version";
  const text = await output(["--version"], env);
  if (text === null) return { name, status: "fail", detail: "git is not installed" };
  const version = gitVersionOf(text);
  if (!version) return { name, status: "warn", detail: `cannot read a version in "${text.trim()}"` };
  const [major, minor] = version;
  const old = major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1]);
  return old
    ? {
        name,
        status: "fail",
        detail: `git ${major}.${minor} is older than ${MIN_GIT.join(".")}: the gates and lanes integrate merge with git merge-tree --write-tree (git ${MIN_GIT.join(".")}+); install a newer git`,
      }
    : { name, status: "ok", detail: `${major}.${minor}` };
}
