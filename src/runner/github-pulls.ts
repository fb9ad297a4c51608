// The lane's pull request through the GitHub port: updated when the branch already has an open PR,
// opened otherwise. Never a second PR for the same branch.
import type { GitHubPort, RepoRef } from "../github/index.js";
import type { PullRequestPort } from "./lane-finish.js";

export function pullRequestsVia(
  github: Pick<GitHubPort, "listPulls" | "createPull" | "updatePull">,
  repo: RepoRef,
): PullRequestPort {
  return {
    async openOrUpdatePullRequest({ head, base, title, body }) {
      const open = await github.listPulls(repo, { state: "open", head });
      const existing = open.find((p) => p.head.ref === head);
      const pull = existing
        ? await github.updatePull(repo, existing.number, { title, body })
        : await github.createPull(repo, { title, head, base, body });
      return { url: pull.htmlUrl };
    },
  };
}
