// The lanes ready for integration on GitHub: open pull requests from lane branches (`lanes/<role>/<id>-…`)
// into the base whose required `lanes/*` check runs succeeded on the PR's head commit. Reads only.
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

const LANE_BRANCH = /^lanes\/[a-z_]+\/\d+(?:-.*)?$/;

export async function readyFromGitHub(
  port: Pick<GitHubPort, "listPulls" | "listCheckRuns">,
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
  const set: ReadySet = { ready: [], waiting: [] };
  for (const { candidate, verdict } of verdicts) {
    if (verdict.ready) set.ready.push(candidate);
    else set.waiting.push({ ...candidate, reason: verdict.reason });
  }
  return set;
}
