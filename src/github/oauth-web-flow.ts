// GitHub's OAuth web flow for a GitHub App's user sign-in (the dashboard's "Sign in with GitHub"): the
// authorize address the browser is sent to, and the code exchanged for a user token, then the user's login.
// The user token is used for GET /user only and never kept.
import * as z from "zod";
import { GitHubRequestError } from "./errors.js";

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** GitHub's web address (https://github.com, or a GitHub Enterprise Server's). */
  webUrl: string;
  /** The REST API's address. */
  apiUrl: string;
}

const TokenSchema = z.union([
  z.object({ access_token: z.string().min(1) }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);
const UserSchema = z.object({ login: z.string().min(1) });

export function authorizeUrl(app: OAuthApp, state: string, redirectUri: string): string {
  const url = new URL(`${app.webUrl.replace(/\/+$/, "")}/login/oauth/authorize`);
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("state", state);
  url.searchParams.set("redirect_uri", redirectUri);
  return url.toString();
}

async function requestJson(operation: string, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new GitHubRequestError(operation, 0, String(error), { cause: error });
  }
  if (!response.ok) throw new GitHubRequestError(operation, response.status, await response.text());
  return response.json();
}

/** Exchanges the code GitHub sent back for the signed-in user's login. */
export async function signedInLogin(app: OAuthApp, code: string, redirectUri: string): Promise<string> {
  const token = TokenSchema.parse(
    await requestJson("oauth.exchangeCode", `${app.webUrl.replace(/\/+$/, "")}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code,
        redirect_uri: redirectUri,
      }),
    }),
  );
  if ("error" in token)
    throw new GitHubRequestError("oauth.exchangeCode", 400, token.error_description ?? token.error);
  const user = UserSchema.parse(
    await requestJson("users.getAuthenticated", `${app.apiUrl.replace(/\/+$/, "")}/user`, {
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token.access_token}`,
        "user-agent": "lanes",
      },
    }),
  );
  return user.login;
}
