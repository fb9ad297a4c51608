// Applies an ingest plan: files each new PRP as an issue labelled `prp`, its dependencies already as issue
// numbers (and, with `outDir`, writes the backlog again named by issue), so lanes, PRs ("Closes #n") and
// the gates all speak of issues. Existing issues are left as they are.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PRP_LABEL } from "../../app/index.js";
import type { GitHubPort, RepoRef } from "../../github/index.js";
import { renderPrp, type Prp } from "../../prp/index.js";
import { slugify } from "../../runner/lane-worktree.js";
import type { IngestPlan } from "./plan-ingest.js";

export interface IngestedPrp {
  backlogId: string;
  issue: number;
  title: string;
  role: string | null;
  created: boolean;
}

export { PRP_LABEL };

export interface ApplyIngestOptions {
  outDir?: string;
  /** Told before each PRP is filed (or found filed) and after, for progress. */
  onFiling?: (backlogId: string) => void;
  onFiled?: (prp: IngestedPrp) => void;
}

export async function applyIngest(
  github: Pick<GitHubPort, "ensureLabels" | "createIssue">,
  repo: RepoRef,
  plan: IngestPlan,
  prps: ReadonlyMap<string, Prp>,
  options: ApplyIngestOptions = {},
): Promise<IngestedPrp[]> {
  await github.ensureLabels(repo, [PRP_LABEL]);
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  const issueOf = new Map<string, number>();
  const ingested: IngestedPrp[] = [];
  // Dependencies come first in the plan, so every issue is filed once, already naming issue numbers.
  for (const item of plan.items) {
    options.onFiling?.(item.backlogId);
    const prp = prps.get(item.backlogId) as Prp;
    const text = renderPrp({ ...prp, dependsOn: item.dependsOn.map((d) => String(issueOf.get(d) ?? d)) });
    const issue =
      item.issue ??
      (await github.createIssue(repo, { title: prp.title, body: text, labels: [PRP_LABEL.name] })).number;
    issueOf.set(item.backlogId, issue);
    if (options.outDir) await writeFile(join(options.outDir, `${issue}-${slugify(prp.title)}.md`), text);
    const ingestedPrp = {
      backlogId: item.backlogId,
      issue,
      title: item.title,
      role: item.role,
      created: item.issue === null,
    };
    ingested.push(ingestedPrp);
    options.onFiled?.(ingestedPrp);
  }
  return ingested;
}
