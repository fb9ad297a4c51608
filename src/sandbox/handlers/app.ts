// The App's installation: exchanging an App JWT for an installation access token.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { notFound } from "../errors.js";
import type { Routes } from "../handler.js";
import { INSTALLATION_PERMISSIONS, renderInstallation } from "../installation-events.js";
import { renderUser } from "../render-resources.js";

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
  // The manifest flow's last step: the one-time code becomes the App's credentials. The sandbox has one
  // App, so the manifest names it, points its webhooks at the manifest's URL and gets its key.
  "apps/create-from-manifest": {
    permission: "public",
    handle(ctx) {
      const entry = ctx.state.app.manifestCodes.get(ctx.params.code ?? "");
      ctx.state.app.manifestCodes.delete(ctx.params.code ?? "");
      if (!entry || entry.expiresAt < Date.now()) throw notFound();
      const { app } = ctx.state;
      const { manifest } = entry;
      if (manifest.hook_attributes?.url && manifest.hook_attributes.active !== false)
        ctx.webhooks.setUrl(manifest.hook_attributes.url);
      const owner = [...ctx.state.users.values()].find((u) => u.permission === "admin") ?? app.bot;
      const now = ctx.state.now();
      return {
        status: 201,
        body: {
          id: app.id,
          slug: app.slug,
          node_id: `A_${app.id}`,
          client_id: `Iv1.${app.id}`,
          client_secret: randomBytes(20).toString("hex"),
          webhook_secret: app.webhookSecret,
          pem: readFileSync(app.privateKeyPath, "utf8"),
          owner: renderUser(ctx.state, owner),
          name: manifest.name,
          description: manifest.description ?? null,
          external_url: manifest.url,
          html_url: `${ctx.state.apiUrl}/apps/${app.slug}`,
          created_at: now,
          updated_at: now,
          permissions: { metadata: "read", ...manifest.default_permissions },
          events: manifest.default_events ?? [],
        },
      };
    },
  },
};
