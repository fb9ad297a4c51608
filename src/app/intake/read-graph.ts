// Fetches what judging a PRP's dependencies needs: the repository's other open PRPs (one conditional list
// request) and, only for dependencies that are not open PRPs, whether each issue is closed, open or missing.
import { isStatus } from "../../github/errors.js";
import type { GitHubPort, RepoRef } from "../../github/index.js";
import { parsePrp } from "../../prp/index.js";
import { PRP_LABEL_NAME } from "../prp-state.js";
import { dependencyNumbers, type OutsideIssue } from "./judge-prp.js";

export interface RepoGraph {
  openPrps: Map<number, number[]>;
  outside: Map<number, OutsideIssue>;
}

export async function readGraph(
  github: Pick<GitHubPort, "listIssues" | "getIssue">,
  repo: RepoRef,
  issue: number,
  deps: readonly number[],
): Promise<RepoGraph> {
  const openPrps = new Map<number, number[]>();
  if (deps.length === 0) return { openPrps, outside: new Map() };
  for (const other of await github.listIssues(repo, { labels: [PRP_LABEL_NAME], state: "open" })) {
    if (other.isPullRequest || other.number === issue) continue;
    const parsed = parsePrp(other.body ?? "", { issueTitle: other.title });
    openPrps.set(other.number, parsed.prp ? dependencyNumbers(parsed.prp).numbers : []);
  }
  const outside = new Map<number, OutsideIssue>();
  for (const dep of deps) {
    if (openPrps.has(dep) || dep === issue) continue;
    try {
      outside.set(dep, (await github.getIssue(repo, dep)).state);
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 410)) throw error;
      outside.set(dep, "missing");
    }
  }
  return { openPrps, outside };
}
