// Who is calling: a user token, an installation token, or (for /app routes) an App JWT.
import { SandboxHttpError } from "./errors.js";
import { verifyAppJwt } from "./app-jwt.js";
import { findUserByToken, permits, type SandboxRepo, type SandboxState, type SandboxUser } from "./state.js";
import type { Route } from "./handler.js";

export function credentialOf(header: string | undefined): string | null {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match?.[1] ?? null;
}

/** The actor for a request, or the 401 GitHub answers. */
export function authenticate(
  state: SandboxState,
  header: string | undefined,
  route: Route,
  appRoute: boolean,
): SandboxUser {
  const credential = credentialOf(header);
  if (credential === null) throw new SandboxHttpError(401, "Requires authentication");
  if (appRoute) {
    const check = verifyAppJwt(credential, state.app.publicKeyPem, state.app.id);
    if (!check.ok) throw new SandboxHttpError(401, check.reason);
    return state.app.bot;
  }
  const user = findUserByToken(state, credential);
  if (!user) throw new SandboxHttpError(401, "Bad credentials");
  if (route.permission === "app" && user !== state.app.bot)
    throw new SandboxHttpError(403, "You must authenticate via a GitHub App.");
  return user;
}

/** GitHub hides private repositories from those without access (404) and refuses writes with 403. */
export function authorize(user: SandboxUser, repo: SandboxRepo, route: Route, operationId: string): void {
  if (user.type === "Bot") return;
  if (!permits(user.permission, "read")) throw new SandboxHttpError(404, "Not Found");
  if (route.permission === "app" || route.permission === "app-jwt" || route.permission === "public") return;
  if (!permits(user.permission, route.permission)) {
    throw new SandboxHttpError(
      403,
      `Resource not accessible: ${operationId} needs ${route.permission} permission on ${repo.fullName}, ${user.login} has ${user.permission}`,
    );
  }
}
