// Files a backlog as issues labelled `prp` (what a team does by hand, or `lanes ingest` will), and writes
// the backlog again with each PRP named by its issue and its dependencies rewritten to issue numbers,
// so lanes, PRs ("Closes #n") and the gates all speak of issues. The caller lints the backlog first.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InvalidInputError } from "../../errors.js";
import type { GitHubPort, RepoRef } from "../../github/index.js";
import { loadBacklog, parsePrp, renderPrp, type Prp } from "../../prp/index.js";

export interface IngestedPrp {
  backlogId: string;
  issue: number;
  title: string;
  role: string;
}

const PRP_LABEL = { name: "prp", color: "1d76db", description: "A spec for a Lanes agent (Product Requirement Prompt)" };

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "prp";
}

export async function ingestBacklog(
  github: Pick<GitHubPort, "ensureLabels" | "createIssue" | "updateIssue">,
  repo: RepoRef,
  backlogDir: string,
  outDir: string,
  defaultRole: string,
): Promise<IngestedPrp[]> {
  const files = await loadBacklog(backlogDir);
  const entries = files.map((f) => ({ id: f.id, aliases: f.aliases, file: f.file, result: parsePrp(f.text, { file: f.file }) }));
  const invalid = entries.find((e) => !e.result.ok || !e.result.prp);
  if (invalid) throw new InvalidInputError(`${invalid.file} is not a valid PRP; run lanes prp lint ${backlogDir}`);
  await github.ensureLabels(repo, [PRP_LABEL]);
  const byName = new Map<string, string>();
  for (const f of files) for (const name of [f.id, ...f.aliases]) byName.set(name, f.id);

  const issueOf = new Map<string, number>();
  const prps = new Map<string, Prp>();
  for (const entry of entries) {
    const prp = entry.result.prp as Prp;
    prps.set(entry.id, prp);
    const created = await github.createIssue(repo, { title: prp.title, body: renderPrp(prp), labels: [PRP_LABEL.name] });
    issueOf.set(entry.id, created.number);
  }
  await mkdir(outDir, { recursive: true });
  const ingested: IngestedPrp[] = [];
  for (const [id, prp] of prps) {
    const issue = issueOf.get(id) as number;
    const dependsOn = prp.dependsOn.map((d) => String(issueOf.get(byName.get(d) ?? d) ?? d));
    const text = renderPrp({ ...prp, dependsOn });
    await github.updateIssue(repo, issue, { body: text });
    await writeFile(join(outDir, `${issue}-${slugOf(prp.title)}.md`), text);
    ingested.push({ backlogId: id, issue, title: prp.title, role: prp.role ?? defaultRole });
  }
  return ingested;
}
