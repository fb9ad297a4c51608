// Applies an ingest plan: files each new PRP as an issue labelled `prp`, then rewrites the new issues'
// dependencies to issue numbers (and, with `outDir`, writes the backlog again named by issue), so lanes,
// PRs ("Closes #n") and the gates all speak of issues. Existing issues are left as they are.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { GitHubPort, RepoRef } from "../../github/index.js";
import { renderPrp, type Prp } from "../../prp/index.js";
import type { IngestPlan } from "./plan-ingest.js";

export interface IngestedPrp {
  backlogId: string;
  issue: number;
  title: string;
  role: string | null;
  created: boolean;
}

export const PRP_LABEL = { name: "prp", color: "1d76db", description: "A spec for a Lanes agent (Product Requirement Prompt)" };

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "prp";
}

export async function applyIngest(
  github: Pick<GitHubPort, "ensureLabels" | "createIssue" | "updateIssue">,
  repo: RepoRef,
  plan: IngestPlan,
  prps: ReadonlyMap<string, Prp>,
  options: { outDir?: string } = {},
): Promise<IngestedPrp[]> {
  await github.ensureLabels(repo, [PRP_LABEL]);
  const issueOf = new Map<string, number>();
  for (const item of plan.items) {
    if (item.issue !== null) issueOf.set(item.backlogId, item.issue);
    else {
      const prp = prps.get(item.backlogId) as Prp;
      issueOf.set(item.backlogId, (await github.createIssue(repo, { title: prp.title, body: renderPrp(prp), labels: [PRP_LABEL.name] })).number);
    }
  }
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  const ingested: IngestedPrp[] = [];
  for (const item of plan.items) {
    const issue = issueOf.get(item.backlogId) as number;
    const prp = prps.get(item.backlogId) as Prp;
    const text = renderPrp({ ...prp, dependsOn: item.dependsOn.map((d) => String(issueOf.get(d) ?? d)) });
    // Only issues filed now are rewritten: an existing issue may have been edited on GitHub since.
    if (item.action === "create") await github.updateIssue(repo, issue, { body: text });
    if (options.outDir) await writeFile(join(options.outDir, `${issue}-${slugOf(prp.title)}.md`), text);
    ingested.push({ backlogId: item.backlogId, issue, title: item.title, role: item.role, created: item.action === "create" });
  }
  return ingested;
}
