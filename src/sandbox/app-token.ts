// An installation token from a running sandbox, obtained the way a GitHub App does it: a JWT signed with
// the App's private key, exchanged at /app/installations/{id}/access_tokens.
import { readFile } from "node:fs/promises";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import type { SandboxInfo } from "./start-sandbox.js";

export async function sandboxInstallationToken(info: SandboxInfo): Promise<string> {
  const app = new Octokit({
    authStrategy: createAppAuth,
    auth: {
      appId: info.app.id,
      privateKey: await readFile(info.app.private_key_path, "utf8"),
      installationId: info.app.installation_id,
    },
    baseUrl: info.api_url,
  });
  const auth = (await app.auth({ type: "installation" })) as { token: string };
  return auth.token;
}
