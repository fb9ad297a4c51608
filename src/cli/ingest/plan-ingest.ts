// Plans `lanes ingest` (pure): which backlog PRPs become new issues and which already have one (an
// issue labelled `prp` with the same title), so running it twice files nothing twice.
import type { Issue } from "../../github/index.js";
import type { Prp } from "../../prp/index.js";

export interface IngestItem {
  backlogId: string;
  file: string;
  title: string;
  role: string | null;
  /** Backlog ids of the PRPs it depends on (aliases resolved). */
  dependsOn: string[];
  action: "create" | "exists";
  /** The existing issue, for action "exists". */
  issue: number | null;
}

export interface IngestPlan {
  repo: string;
  items: IngestItem[];
}

export interface PlannedPrp {
  id: string;
  aliases: readonly string[];
  file: string;
  prp: Prp;
}

/** Items come in `order` (the graph's: dependencies first), so each issue can be filed with its dependencies' numbers. */
export function planIngest(
  repo: string,
  prps: readonly PlannedPrp[],
  existing: readonly Issue[],
  order: readonly string[] = prps.map((p) => p.id),
): IngestPlan {
  const byName = new Map<string, string>();
  for (const p of prps)
    for (const name of [p.id, ...p.aliases]) if (!byName.has(name)) byName.set(name, p.id);
  // Several PRPs may share a title: each takes its own issue (oldest first), never one issue for two.
  const byTitle = new Map<string, number[]>();
  for (const issue of [...existing].filter((i) => !i.isPullRequest).sort((a, b) => a.number - b.number)) {
    const key = issue.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), issue.number]);
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  const ordered = [...prps].sort(
    (a, b) => (rank.get(a.id) ?? order.length) - (rank.get(b.id) ?? order.length),
  );
  return {
    repo,
    items: ordered.map((p) => {
      const found = byTitle.get(p.prp.title.trim().toLowerCase())?.shift();
      return {
        backlogId: p.id,
        file: p.file,
        title: p.prp.title,
        role: p.prp.role ?? null,
        dependsOn: p.prp.dependsOn.map((d) => byName.get(d) ?? d),
        action: found === undefined ? "create" : "exists",
        issue: found ?? null,
      };
    }),
  };
}
