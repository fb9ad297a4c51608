// The GitHub App's credentials from the environment, the Probot way: APP_ID and the private key in
// PRIVATE_KEY (the PEM, with newlines or `\n` escapes, or its base64) or in the file PRIVATE_KEY_PATH.
// Optional APP_INSTALLATION_ID skips looking the installation up. Never logs the key.
import { readFileSync } from "node:fs";
import { GitHubConfigError } from "./errors.js";

export interface AppCredentials {
  appId: number;
  privateKey: string;
  /** Set when APP_INSTALLATION_ID is; otherwise the installation is found for the repository. */
  installationId?: number;
}

const PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;

const set = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? "").trim() !== "";

/** Whether the environment names a GitHub App (APP_ID and a private key, inline or as a file). */
export function hasAppCredentials(env: NodeJS.ProcessEnv): boolean {
  return set(env, "APP_ID") && (set(env, "PRIVATE_KEY") || set(env, "PRIVATE_KEY_PATH"));
}

/** PRIVATE_KEY (PEM or base64) or PRIVATE_KEY_PATH, checked to be a PEM private key. */
export function appPrivateKeyFromEnv(env: NodeJS.ProcessEnv): string {
  const inline = env.PRIVATE_KEY?.trim();
  if (inline) {
    const text = inline.includes("-----BEGIN")
      ? inline.replace(/\\n/g, "\n")
      : Buffer.from(inline, "base64").toString("utf8");
    if (!PEM.test(text))
      throw new GitHubConfigError(
        "PRIVATE_KEY is not a PEM private key (nor its base64): use the .pem GitHub generated for the App",
      );
    return text;
  }
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (!path)
    throw new GitHubConfigError(
      "PRIVATE_KEY or PRIVATE_KEY_PATH is missing: set one to the App's private key (PEM) or its file",
    );
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new GitHubConfigError(
      `PRIVATE_KEY_PATH ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!PEM.test(text)) throw new GitHubConfigError(`PRIVATE_KEY_PATH ${path} is not a PEM private key`);
  return text;
}

/** The App's credentials, or undefined when the environment names no App. */
export function appCredentialsFromEnv(env: NodeJS.ProcessEnv): AppCredentials | undefined {
  if (!hasAppCredentials(env)) return undefined;
  const appId = (env.APP_ID ?? "").trim();
  if (!/^\d+$/.test(appId))
    throw new GitHubConfigError(`APP_ID must be the App's numeric id, not "${appId}"`);
  const installation = (env.APP_INSTALLATION_ID ?? "").trim();
  if (installation !== "" && !/^\d+$/.test(installation))
    throw new GitHubConfigError(
      `APP_INSTALLATION_ID must be the installation's numeric id, not "${installation}"`,
    );
  return {
    appId: Number(appId),
    privateKey: appPrivateKeyFromEnv(env),
    ...(installation !== "" ? { installationId: Number(installation) } : {}),
  };
}
