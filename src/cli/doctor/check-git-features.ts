// The git version, and whether `git merge-tree --stdin` (many merges in one process) is available:
// the integrator's fast path needs it.
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
