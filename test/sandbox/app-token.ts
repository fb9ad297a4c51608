// Gets an installation token from a sandbox the way an App does (JWT signed with its private key).
import { sandboxInstallationToken, type Sandbox } from "../../src/sandbox/index.js";

export function installationToken(sandbox: Sandbox): Promise<string> {
  return sandboxInstallationToken(sandbox.info());
}
