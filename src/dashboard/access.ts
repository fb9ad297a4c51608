// Who may see the dashboard. On loopback anyone on this machine may (unless a token is set); bound to
// any other address it needs the token: `?token=` once (it becomes an HttpOnly cookie and leaves the
// address bar), or `Authorization: Bearer`, or GitHub sign-in (sign-in.ts). Compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { DashboardConfigError } from "./errors.js";

export const TOKEN_COOKIE = "lanes_dashboard";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export const isLoopback = (host: string): boolean => LOOPBACK_HOSTS.has(host) || host.startsWith("127.");

/**
 * The token the dashboard needs, or undefined when none is needed; refuses an exposed dashboard with
 * neither a token nor GitHub sign-in.
 */
export function requiredToken(host: string, token: string | undefined, signIn = false): string | undefined {
  const value = token?.trim() || undefined;
  if (value !== undefined && value.length < 16)
    throw new DashboardConfigError("LANES_DASHBOARD_TOKEN is too short: use at least 16 random characters");
  if (value === undefined && !signIn && !isLoopback(host))
    throw new DashboardConfigError(
      `the dashboard would listen on ${host}, beyond this machine, without a token: set LANES_DASHBOARD_TOKEN (e.g. openssl rand -hex 24), or GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET for GitHub sign-in (lanes serve), or bind to 127.0.0.1`,
    );
  return value;
}

const digest = (text: string) => createHash("sha256").update(text).digest();
export const sameToken = (given: string, token: string): boolean =>
  timingSafeEqual(digest(given), digest(token));

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The token a request presents (header or cookie; the query is handled by the page route). */
export function presentedToken(req: IncomingMessage): string | undefined {
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return header ?? cookieToken(req);
}

export function tokenCookie(token: string, secure: boolean): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/${secure ? "; Secure" : ""}`;
}
