// GitHub sign-in for the dashboard: /dashboard/auth/login sends the browser to GitHub (a random state in a
// short-lived cookie), /dashboard/auth/callback checks the state, learns the user's login through the
// injected port and which of the shown repositories they may read, and sets a signed session cookie
// (HMAC-SHA256, HttpOnly, SameSite=Lax, 8 h). A session sees only those repositories. Never stores a token.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import * as z from "zod";

/** What sign-in needs from GitHub (implemented in app/serve with the App's OAuth client and the port). */
export interface SignInPort {
  authorizeUrl(state: string, redirectUri: string): string;
  /** The signed-in user's login for the code GitHub sent back. */
  login(code: string, redirectUri: string): Promise<string>;
  /** Those of `repos` the user may read (read access or more on the repository). */
  readable(login: string, repos: readonly string[]): Promise<string[]>;
  /** The key that signs session cookies (32+ bytes). */
  sessionKey: Buffer;
  /** The public address of the dashboard's callback; from the request's Host when absent. */
  callbackUrl?: string | undefined;
}

export const SESSION_COOKIE = "lanes_session";
export const STATE_COOKIE = "lanes_oauth_state";
export const SESSION_MS = 8 * 3_600_000;

const SessionSchema = z.object({ login: z.string(), repos: z.array(z.string()), exp: z.number() });
export type Session = z.infer<typeof SessionSchema>;

const sign = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest("base64url");

export function sessionCookie(key: Buffer, session: Session, secure: boolean): string {
  const body = Buffer.from(JSON.stringify(session)).toString("base64url");
  const maxAge = Math.max(0, Math.round((session.exp - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${body}.${sign(key, body)}; HttpOnly; SameSite=Lax; Path=/dashboard; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

export function stateCookie(state: string, secure: boolean): string {
  return `${STATE_COOKIE}=${state}; HttpOnly; SameSite=Lax; Path=/dashboard/auth; Max-Age=600${secure ? "; Secure" : ""}`;
}

export const newState = (): string => randomBytes(16).toString("hex");

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** The request's valid, unexpired session, or undefined. */
export function sessionOf(req: IncomingMessage, key: Buffer, now = Date.now()): Session | undefined {
  const [body, mac] = (cookieValue(req, SESSION_COOKIE) ?? "").split(".");
  if (!body || !mac) return undefined;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const session = SessionSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return session.exp > now ? session : undefined;
  } catch {
    return undefined;
  }
}

export function sameState(given: string | null, cookie: string | undefined): boolean {
  if (!given || !cookie || given.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(cookie));
}

/** The callback address GitHub sends the browser back to (GitHub refuses one the App does not list). */
export function callbackUrl(req: IncomingMessage, port: Pick<SignInPort, "callbackUrl">): string {
  if (port.callbackUrl) return port.callbackUrl;
  const proto = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${proto}://${req.headers.host ?? "127.0.0.1"}/dashboard/auth/callback`;
}
