// Which GitHub credentials this process would use: an App (installation tokens, refreshed), a token,
// or the job token of an Actions run, which GitHub revokes when the job ends. Reads env only.
import type { DoctorCheck } from "./doctor-check.js";

const set = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? "").trim() !== "";

export function checkGithubCredentials(env: NodeJS.ProcessEnv): DoctorCheck {
  const name = "github credentials";
  if (set(env, "APP_ID") && (set(env, "PRIVATE_KEY") || set(env, "PRIVATE_KEY_PATH")))
    return {
      name,
      status: "ok",
      detail: `GitHub App ${env.APP_ID} (APP_ID, ${set(env, "PRIVATE_KEY") ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH"})`,
    };
  if (set(env, "GITHUB_TOKEN") && env.GITHUB_ACTIONS === "true")
    return {
      name,
      status: "warn",
      detail:
        "the job's GITHUB_TOKEN: it expires when this job ends, enough for gates and integration but not for a stack that outlives the job (give it APP_ID and PRIVATE_KEY, or a long-lived token)",
    };
  if (set(env, "GITHUB_TOKEN")) return { name, status: "ok", detail: "a token (GITHUB_TOKEN)" };
  return {
    name,
    status: "warn",
    detail: "none: set GITHUB_TOKEN, or APP_ID and PRIVATE_KEY, to publish gates, push lanes and open PRs",
  };
}
