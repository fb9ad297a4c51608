// `lanes serve` settings, read once from the environment the Probot way (APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT) plus GITHUB_API_URL and REDIS_URL. A missing or wrong one fails
// with one line naming it.
import * as z from "zod";
import { appPrivateKeyFromEnv, GitHubConfigError } from "../../github/index.js";
import { AppConfigError } from "../errors.js";

export interface ServeConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  githubApiUrl: string;
  redisUrl: string;
}

export const WEBHOOK_PATH = "/api/github/webhooks";

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new AppConfigError(`${name} is missing: set it to ${what}`);
  return value;
}

/** PRIVATE_KEY (PEM, `\n` escapes or base64) or PRIVATE_KEY_PATH, read as every App process reads it. */
function privateKeyOf(env: NodeJS.ProcessEnv): string {
  try {
    return appPrivateKeyFromEnv(env);
  } catch (error) {
    if (error instanceof GitHubConfigError) throw new AppConfigError(error.message, { cause: error });
    throw error;
  }
}

function urlOf(name: string, value: string, protocols: RegExp, example: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new AppConfigError(`${name} is not a URL: ${value}; expected e.g. ${example}`);
  }
  if (!protocols.test(parsed.protocol))
    throw new AppConfigError(`${name} must be a ${example} URL, not ${parsed.protocol}`);
  return value.replace(/\/+$/, "");
}

export function loadServeConfig(env: NodeJS.ProcessEnv): ServeConfig {
  const appId = required(env, "APP_ID", "the GitHub App's numeric id");
  if (!/^\d+$/.test(appId)) throw new AppConfigError(`APP_ID must be the App's numeric id, not "${appId}"`);
  const port = z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .safeParse(env.PORT?.trim() || "3000");
  if (!port.success) throw new AppConfigError(`PORT must be a port number (0-65535), not "${env.PORT}"`);
  return {
    appId: Number(appId),
    privateKey: privateKeyOf(env),
    webhookSecret: required(env, "WEBHOOK_SECRET", "the App's webhook secret"),
    port: port.data,
    host: env.HOST?.trim() || "0.0.0.0",
    githubApiUrl: urlOf(
      "GITHUB_API_URL",
      env.GITHUB_API_URL?.trim() || "https://api.github.com",
      /^https?:$/,
      "https://api.github.com",
    ),
    redisUrl: urlOf(
      "REDIS_URL",
      required(env, "REDIS_URL", "the Redis the runners share, e.g. redis://127.0.0.1:6379"),
      /^rediss?:$/,
      "redis://host:port",
    ),
  };
}
