// Gets an installation token from a sandbox the way an App does (JWT signed with its private key).
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { readFile } from "node:fs/promises";
import type { Sandbox } from "../../src/sandbox/index.js";

export async function installationToken(sandbox: Sandbox): Promise<string> {
  const info = sandbox.info();
  const app = new Octokit({
    authStrategy: createAppAuth,
    auth: { appId: info.app.id, privateKey: await readFile(info.app.private_key_path, "utf8"), installationId: info.app.installation_id },
    baseUrl: info.api_url,
  });
  const auth = (await app.auth({ type: "installation" })) as { token: string };
  return auth.token;
}
