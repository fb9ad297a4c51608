// The App's installation: exchanging an App JWT for an installation access token.
import { randomBytes } from "node:crypto";
import { notFound } from "../errors.js";
import type { Routes } from "../handler.js";
import { INSTALLATION_PERMISSIONS } from "../installation-events.js";

export const appRoutes: Routes = {
  "apps/create-installation-access-token": {
    permission: "app",
    handle(ctx) {
      if (Number(ctx.params.installation_id) !== ctx.state.app.installationId) throw notFound();
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      ctx.state.app.installationTokens.add(token);
      const expires = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
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
};
