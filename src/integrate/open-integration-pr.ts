// Publishes an integration: pushes lanes/integration/<date> to the remote and opens its pull request
// through the GitHub port, or updates the open one (a re-run the same day rewrites branch and body).
import type { GitHubPort, RepoRef } from "../github/github-port.js";
import type { GitRepo } from "../git/git-repo.js";
import { pushBranch } from "../git/push-branch.js";
import type { IntegrationResult } from "./apply-integration.js";
import { renderIntegrationPr } from "./render-integration-pr.js";

export interface OpenPrOptions {
  port: Pick<GitHubPort, "listPulls" | "createPull" | "updatePull">;
  github: RepoRef;
  /** The git remote that is the GitHub repository (default origin). */
  remote?: string;
}

export interface OpenedPr {
  number: number;
  url: string;
  created: boolean;
}

/** Null when there is nothing to publish (no integration branch was written). */
export async function openIntegrationPr(
  repo: GitRepo,
  result: IntegrationResult,
  options: OpenPrOptions,
): Promise<OpenedPr | null> {
  const rendered = renderIntegrationPr(result);
  if (rendered === null) return null;
  // Integrating onto a remote-tracking ref (origin/main) targets that remote's branch (main) on GitHub.
  const remote = options.remote ?? "origin";
  const pr = {
    ...rendered,
    base: rendered.base.startsWith(`${remote}/`) ? rendered.base.slice(remote.length + 1) : rendered.base,
  };
  // Asking GitHub first means a refused token or an unknown repository fails before anything is pushed.
  const open = await options.port.listPulls(options.github, { state: "open", head: pr.head, base: pr.base });
  await pushBranch(repo, remote, pr.head, { force: true });
  const existing = open.find((p) => p.head.ref === pr.head && p.base.ref === pr.base);
  if (existing) {
    const updated = await options.port.updatePull(options.github, existing.number, {
      title: pr.title,
      body: pr.body,
    });
    return { number: updated.number, url: updated.htmlUrl, created: false };
  }
  const created = await options.port.createPull(options.github, {
    title: pr.title,
    head: pr.head,
    base: pr.base,
    body: pr.body,
  });
  return { number: created.number, url: created.htmlUrl, created: true };
}
