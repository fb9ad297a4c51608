// Builds the one Octokit Lanes uses: token or App-installation auth, base URL from GITHUB_API_URL,
// secondary-rate-limit and 5xx retries with backoff (throttling / retry plugins), every request counted.
import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import * as z from "zod";
import type { Logger } from "../observe/logger.js";
import { GitHubConfigError } from "./errors.js";
import { expiringTokenCache } from "./installation-token-cache.js";
import type { RequestCounter } from "./request-counter.js";

export const GitHubAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("token"), token: z.string().min(1, "a GitHub token is required") }),
  z.object({
    type: z.literal("app"),
    appId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]),
    privateKey: z.string().includes("PRIVATE KEY", { message: "a PEM private key is required" }),
    installationId: z.number().int().positive(),
  }),
]);
export type GitHubAuth = z.infer<typeof GitHubAuthSchema>;

export interface OctokitSettings {
  auth: GitHubAuth;
  baseUrl: string;
  log: Logger;
  counter: RequestCounter;
  /** Retries for secondary rate limits, primary rate limits and 5xx (default 3). */
  retries?: number;
  /** Backoff unit in ms (GitHub's Retry-After seconds and the retry plugin's n² are multiplied by it); default 1000. */
  backoffUnitMs?: number;
  /** "github" spaces writes 1 s apart as GitHub asks; "none" is for the local sandbox. Default "github". */
  pacing?: "github" | "none";
}

/** Counts every attempt: registered before the retry plugins, so it sits inside them and sees retries. */
function countRequests(octokit: Pick<Octokit, "hook">, options: object): Record<string, never> {
  const counter = (options as { lanesCounter?: RequestCounter }).lanesCounter;
  if (counter) {
    octokit.hook.wrap("request", (request, endpoint) => {
      counter.inc(`${endpoint.method} ${endpoint.url}`);
      return request(endpoint);
    });
  }
  return {};
}

const LanesOctokit = Octokit.plugin(countRequests, throttling, retry);
export type PortOctokit = InstanceType<typeof LanesOctokit>;

/** A Bottleneck-shaped group that never waits, for pacing "none". */
const unpaced = {
  key: () => ({
    schedule: <A extends unknown[], T>(_options: unknown, job: (...args: A) => Promise<T>, ...args: A) =>
      job(...args),
  }),
};

export function createOctokit(settings: OctokitSettings): PortOctokit {
  const auth = GitHubAuthSchema.safeParse(settings.auth);
  if (!auth.success)
    throw new GitHubConfigError(
      `invalid GitHub auth options: ${auth.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const retries = settings.retries ?? 3;
  const unit = settings.backoffUnitMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      settings.log.warn(
        { kind, retryAfter, retryCount, method: options.method, url: options.url },
        "GitHub rate limit hit",
      );
      return retryCount < retries;
    };
  const a = auth.data;
  return new LanesOctokit({
    baseUrl: settings.baseUrl.replace(/\/+$/, ""),
    userAgent: "lanes",
    ...(a.type === "token"
      ? { auth: a.token }
      : {
          authStrategy: createAppAuth,
          auth: {
            appId: a.appId,
            privateKey: a.privateKey,
            installationId: a.installationId,
            // installation tokens are minted again shortly before they expire (auth-app's own cache
            // would keep one 59 minutes, whatever its expires_at says)
            cache: expiringTokenCache(),
          },
        }),
    lanesCounter: settings.counter,
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      retryAfterBaseValue: unit,
      ...(settings.pacing === "none"
        ? { global: unpaced, auth: unpaced, write: unpaced, notifications: unpaced }
        : {}),
    },
    retry: { retries, retryAfterBaseValue: unit },
    log: {
      debug: (m: string) => settings.log.debug(m),
      info: (m: string) => settings.log.debug(m),
      warn: (m: string) => settings.log.warn(m),
      error: (m: string) => settings.log.error(m),
    },
  } as ConstructorParameters<typeof LanesOctokit>[0]);
}

/** The token requests are sent with now: the installation token (minted or refreshed as needed) or the token. */
export async function currentToken(octokit: Pick<PortOctokit, "auth">): Promise<string> {
  const auth = (await octokit.auth({ type: "installation" })) as { token?: unknown };
  if (typeof auth.token !== "string" || auth.token === "")
    throw new GitHubConfigError("the GitHub client has no token to give (unauthenticated)");
  return auth.token;
}

/** GitHub's API base URL: GITHUB_API_URL (GitHub Enterprise, the sandbox) or api.github.com. */
export function githubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL?.trim() || "https://api.github.com";
}
