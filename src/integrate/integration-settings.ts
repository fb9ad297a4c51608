// What the repository says about integrating, read from `.github/lanes.yml` at the base commit (the
// config the lanes were built against, not whatever is checked out): role order and validation commands.
import { loadConfig, DEFAULT_CONFIG_FILE } from "../config/load-config.js";
import { gitIn, type GitRepo } from "../git/git-repo.js";

export interface IntegrationSettings {
  roleOrder: string[];
  validation: string[];
  /** Whether the base has a config file (false: the defaults apply). */
  found: boolean;
}

export async function readIntegrationSettings(repo: GitRepo, base: string): Promise<IntegrationSettings> {
  const { stdout, exitCode } = await gitIn(repo, ["cat-file", "blob", `${base}:${DEFAULT_CONFIG_FILE}`], {
    okExitCodes: [128],
  });
  const found = exitCode === 0;
  const config = loadConfig(found ? stdout : "", { file: `${DEFAULT_CONFIG_FILE} at ${base}` });
  return { roleOrder: [...config.integration.order], validation: [...config.integration.validation], found };
}
