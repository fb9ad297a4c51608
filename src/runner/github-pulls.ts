// The lane's pull request through the GitHub port: updated when the branch already has an open PR,
// opened otherwise. Never a second PR for the same branch. A lane stacked on one dependency lane whose
// PR is still open targets that lane's branch, so its PR shows only its own changes; the App retargets
// it to the base when the dependency merges (pull-request-closed.ts).
import type { GitHubPort, RepoRef } from "../github/index.js";
import type { PullRequestPort } from "./lane-finish.js";

export function pullRequestsVia(
  github: Pick<GitHubPort, "listPulls" | "createPull" | "updatePull">,
  repo: RepoRef,
): PullRequestPort {
  return {
    async openOrUpdatePullRequest({ head, base, title, body, stackedOn }) {
      const open = await github.listPulls(repo, { state: "open", head });
      const existing = open.find((p) => p.head.ref === head);
      if (existing) return { url: (await github.updatePull(repo, existing.number, { title, body })).htmlUrl };
      const dependency =
        stackedOn === undefined
          ? undefined
          : (await github.listPulls(repo, { state: "open", head: stackedOn })).find(
              (p) => p.head.ref === stackedOn,
            );
      const pull = dependency
        ? await github.createPull(repo, {
            title,
            head,
            base: stackedOn as string,
            body: `${body}\n\nStacked on #${dependency.number} (\`${stackedOn}\`): this PR shows only its own changes and is retargeted to \`${base}\` when #${dependency.number} merges.`,
          })
        : await github.createPull(repo, { title, head, base, body });
      return { url: pull.htmlUrl };
    },
  };
}
