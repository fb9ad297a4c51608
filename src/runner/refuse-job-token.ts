// A stack outlives the Actions job that starts it, but the job's GITHUB_TOKEN is revoked when the job
// ends: every later push and pull request would fail. Refuse it up front, with what to use instead.
import { JobTokenError } from "./errors.js";

const set = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? "").trim() !== "";

/**
 * Inside Actions, a `ghs_` token with no App credentials is the job's own (an App's installation token
 * also starts `ghs_`, but then APP_ID and PRIVATE_KEY are set); personal tokens start `ghp_`/`github_pat_`.
 */
export function isJobToken(env: NodeJS.ProcessEnv): boolean {
  return (
    env.GITHUB_ACTIONS === "true" &&
    (env.GITHUB_TOKEN ?? "").trim().startsWith("ghs_") &&
    !(set(env, "APP_ID") && set(env, "PRIVATE_KEY"))
  );
}

export function refuseJobToken(env: NodeJS.ProcessEnv): void {
  if (isJobToken(env))
    throw new JobTokenError(
      "refusing to start a stack with this job's GITHUB_TOKEN: GitHub revokes it when the job ends, and the stack outlives the job. " +
        "Pass a long-lived token instead (the action's github-token input, e.g. secrets.LANES_TOKEN: a fine-grained token with contents and pull requests write, issues read)",
    );
}
