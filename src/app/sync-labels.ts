// Creates or updates Lanes' labels on a repository (installation, `lanes labels sync`): never deletes any.
import type { GitHubPort, RepoRef } from "../github/index.js";
import { LABEL_CATALOGUE } from "./label-catalogue.js";

export function syncLabels(
  github: Pick<GitHubPort, "ensureLabels">,
  repo: RepoRef,
): Promise<{ created: string[]; updated: string[] }> {
  return github.ensureLabels(repo, LABEL_CATALOGUE);
}
