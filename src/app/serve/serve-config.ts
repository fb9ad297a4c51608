// `lanes serve` settings, read once from the environment the Probot way (APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT) plus GITHUB_API_URL and REDIS_URL. A missing or wrong one fails
// with one line naming it.
import { readFileSync } from "node:fs";
import { z } from "zod";
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

const PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new AppConfigError(`${name} is missing: set it to ${what}`);
  return value;
}

/** PRIVATE_KEY may hold the PEM itself (newlines or `\n` escapes) or its base64, as Probot accepts. */
function privateKeyOf(env: NodeJS.ProcessEnv): string {
  const inline = env.PRIVATE_KEY?.trim();
  if (inline) {
    const text = inline.includes("-----BEGIN")
      ? inline.replace(/\\n/g, "\n")
      : Buffer.from(inline, "base64").toString("utf8");
    if (!PEM.test(text))
      throw new AppConfigError(
        "PRIVATE_KEY is not a PEM private key (nor its base64): use the .pem GitHub generated for the App",
      );
    return text;
  }
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (!path)
    throw new AppConfigError(
      "PRIVATE_KEY or PRIVATE_KEY_PATH is missing: set one to the App's private key (PEM) or its file",
    );
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new AppConfigError(
      `PRIVATE_KEY_PATH ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!PEM.test(text)) throw new AppConfigError(`PRIVATE_KEY_PATH ${path} is not a PEM private key`);
  return text;
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
