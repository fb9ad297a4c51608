// A stack outlives the Actions job that starts it, but the job's GITHUB_TOKEN is revoked when the job
// ends: every later push and pull request would fail. Refuse it up front, with what to use instead.
import { hasAppCredentials } from "../github/app-credentials.js";
import { JobTokenError } from "./errors.js";

/**
 * Inside Actions, a `ghs_` token with no App credentials is the job's own (an App's installation token
 * also starts `ghs_`, but then APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH are set, and the stack
 * mints its own); personal tokens start `ghp_`/`github_pat_`.
 */
export function isJobToken(env: NodeJS.ProcessEnv): boolean {
  return (
    env.GITHUB_ACTIONS === "true" &&
    (env.GITHUB_TOKEN ?? "").trim().startsWith("ghs_") &&
    !hasAppCredentials(env)
  );
}

export function refuseJobToken(env: NodeJS.ProcessEnv): void {
  if (isJobToken(env))
    throw new JobTokenError(
      "refusing to start a stack with this job's GITHUB_TOKEN: GitHub revokes it when the job ends, and the stack outlives the job. " +
        "Authenticate it as the GitHub App instead (APP_ID and PRIVATE_KEY: installation tokens, refreshed before they expire), " +
        "or pass a long-lived token (the action's github-token input, e.g. secrets.LANES_TOKEN: a fine-grained token with contents and pull requests write, issues read)",
    );
}
