// The lanes ready for integration on GitHub: open pull requests from lane branches (`lanes/<role>/<id>-…`)
// into the base whose required `lanes/*` check runs succeeded on the PR's head commit, and that nobody holds
// (`lanes-hold` on the PR or on the PRP issue its branch names; one list request finds both). Reads only.
import { HOLD_LABEL_NAME } from "../domain/hold-label.js";
import type { GitHubPort, RepoRef } from "../github/github-port.js";
import { laneReadiness } from "./lane-readiness.js";

export interface ReadyCandidate {
  branch: string;
  /** The commit the gates judged: the one integrated, even if the branch moved since. */
  commit: string;
  pr?: number;
}

export interface ReadySet {
  ready: ReadyCandidate[];
  waiting: (ReadyCandidate & { reason: string })[];
}

const LANE_BRANCH = /^lanes\/[a-z_]+\/(\d+)(?:-.*)?$/;

export async function readyFromGitHub(
  port: Pick<GitHubPort, "listPulls" | "listCheckRuns" | "listIssues">,
  github: RepoRef,
  options: { base: string; required: readonly string[] },
): Promise<ReadySet> {
  const pulls = (await port.listPulls(github, { state: "open", base: options.base })).filter(
    (p) => !p.draft && LANE_BRANCH.test(p.head.ref),
  );
  const verdicts = await Promise.all(
    pulls.map(async (p) => ({
      candidate: { branch: p.head.ref, commit: p.head.sha, pr: p.number },
      verdict: laneReadiness(await port.listCheckRuns(github, p.head.sha), options.required, p.head.sha),
    })),
  );
  const held =
    pulls.length === 0
      ? new Set<number>()
      : new Set(
          (await port.listIssues(github, { labels: [HOLD_LABEL_NAME], state: "open" })).map((i) => i.number),
        );
  const set: ReadySet = { ready: [], waiting: [] };
  for (const { candidate, verdict } of verdicts) {
    const prp = Number(LANE_BRANCH.exec(candidate.branch)?.[1]);
    if (held.has(candidate.pr) || held.has(prp))
      set.waiting.push({
        ...candidate,
        reason: `held (\`${HOLD_LABEL_NAME}\`; \`/lanes unhold\` releases it)`,
      });
    else if (verdict.ready) set.ready.push(candidate);
    else set.waiting.push({ ...candidate, reason: verdict.reason });
  }
  return set;
}
