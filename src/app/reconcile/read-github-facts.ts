// What `lanes reconcile` reads from GitHub, the record: open PRP issues with their labels, open pull requests,
// lane branches, and whether each dependency outside the open PRPs is closed, open or missing.
// A few list requests plus one read per such dependency; never writes.
import { isStatus } from "../../github/errors.js";
import type { GitHubPort, Issue, PullRequest, RepoRef } from "../../github/index.js";
import { parsePrp } from "../../prp/index.js";
import type { OutsideIssue } from "../intake/judge-prp.js";
import { dependencyNumbers } from "../intake/judge-prp.js";
import { PRP_LABEL_NAME } from "../prp-state.js";

export interface GitHubFacts {
  repo: RepoRef;
  /** Open issues labelled `prp`, by number. */
  prps: Issue[];
  pulls: PullRequest[];
  /** Branches under `lanes/`. */
  branches: { name: string; sha: string }[];
  /** Dependencies that are not open PRPs: closed, open (a plain issue) or missing. */
  outside: Map<number, OutsideIssue>;
}

export async function readGitHubFacts(
  github: Pick<GitHubPort, "listIssues" | "listPulls" | "listBranches" | "getIssue">,
  repo: RepoRef,
): Promise<GitHubFacts> {
  const prps = (await github.listIssues(repo, { labels: [PRP_LABEL_NAME], state: "open" }))
    .filter((i) => !i.isPullRequest)
    .sort((a, b) => a.number - b.number);
  const pulls = await github.listPulls(repo, { state: "open" });
  const branches = await github.listBranches(repo, "lanes/");
  const open = new Set(prps.map((p) => p.number));
  const wanted = new Set<number>();
  for (const issue of prps) {
    const parsed = parsePrp(issue.body ?? "", { issueTitle: issue.title });
    if (parsed.prp)
      for (const dep of dependencyNumbers(parsed.prp).numbers) if (!open.has(dep)) wanted.add(dep);
  }
  const outside = new Map<number, OutsideIssue>();
  for (const dep of [...wanted].sort((a, b) => a - b)) {
    try {
      outside.set(dep, (await github.getIssue(repo, dep)).state);
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 410)) throw error;
      outside.set(dep, "missing");
    }
  }
  return { repo, prps, pulls, branches, outside };
}
