// Which branch `lanes integrate` writes: the day's integration branch, or the one its open PR is being
// updated on, or the next free name. Never writes over an integration branch nobody is updating.
import type { GitHubPort, RepoRef } from "../../github/github-port.js";
import type { GitRepo } from "../../git/git-repo.js";
import { chooseIntegrationTarget, type IntegrationTarget } from "../../integrate/integration-target.js";
import { baseOnGitHub, type IntegrateOptions } from "./integrate-options.js";

/** The branch to write: the day's, or the open integration PR's to update, or the next free name. */
export async function chooseTarget(
  opts: IntegrateOptions,
  repo: GitRepo,
  wanted: string,
  port: GitHubPort | undefined,
  github: RepoRef | undefined,
  known?: ReadonlyMap<string, string | undefined>,
): Promise<IntegrationTarget> {
  const base = baseOnGitHub(opts.base, opts.remote);
  const openPr =
    port && github && opts.openPr && !opts.dryRun
      ? (await port.listPulls(github, { state: "open", head: wanted, base })).length > 0
      : false;
  return chooseIntegrationTarget(
    repo,
    { wanted, base: opts.base, remote: targetRemote(opts), openPr },
    known,
  );
}

/** The remote whose copies of the integration branch count as taken: the one a result is pushed to. */
export const targetRemote = (opts: IntegrateOptions): string | undefined =>
  opts.openPr || opts.push ? opts.remote : undefined;
