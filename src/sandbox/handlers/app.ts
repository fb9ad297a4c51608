// The App's installation: exchanging an App JWT for an installation access token.
import { randomBytes } from "node:crypto";
import { notFound } from "../errors.js";
import type { Routes } from "../handler.js";
import { INSTALLATION_PERMISSIONS, renderInstallation } from "../installation-events.js";

export const appRoutes: Routes = {
  "apps/create-installation-access-token": {
    permission: "app",
    handle(ctx) {
      if (Number(ctx.params.installation_id) !== ctx.state.app.installationId) throw notFound();
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      const expiresAt = Date.now() + ctx.state.app.tokenTtlMs;
      ctx.state.app.installationTokens.set(token, expiresAt);
      const expires = new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z");
      return {
        status: 201,
        body: {
          token,
          expires_at: expires,
          permissions: INSTALLATION_PERMISSIONS,
          repository_selection: "all",
        },
      };
    },
  },
  // The App is installed on every sandbox repository: one installation, found with the App's JWT.
  "apps/get-repo-installation": {
    permission: "app-jwt",
    handle: (ctx) => ({ status: 200, body: renderInstallation(ctx.state, ctx.repo.createdAt) }),
  },
};
