// Lints a backlog (pure): every PRP's own errors and warnings, then the dependency graph across them —
// unknown dependencies and cycles named, the order to build in, and what is ready or blocked.
import { buildGraph, readiness, type GraphIssue, type GraphNode, type Readiness } from "./graph.js";
import type { ParseIssue, ParseResult } from "./schema.js";

export interface BacklogEntry {
  id: string;
  aliases: readonly string[];
  file: string;
  result: ParseResult;
}

export interface FileReport {
  id: string;
  file: string;
  title: string;
  ok: boolean;
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

export interface BacklogReport extends Readiness {
  ok: boolean;
  files: FileReport[];
  graph: { issues: GraphIssue[]; order: string[] };
}

export function lintBacklog(
  entries: readonly BacklogEntry[],
  done: ReadonlySet<string> = new Set(),
): BacklogReport {
  const byName = new Map<string, string>();
  for (const entry of entries)
    for (const name of [entry.id, ...entry.aliases]) if (!byName.has(name)) byName.set(name, entry.id);
  const owner = new Map<string, string>();
  const files: FileReport[] = entries.map((entry) => {
    const errors = [...entry.result.errors];
    const first = owner.get(entry.id);
    if (first !== undefined)
      errors.push({
        field: "id",
        line: 1,
        message: `id ${entry.id} is also used by ${first}; expected one PRP per id`,
      });
    else owner.set(entry.id, entry.file);
    return {
      id: entry.id,
      file: entry.file,
      title: entry.result.prp?.title ?? "",
      ok: errors.length === 0,
      errors,
      warnings: entry.result.warnings,
    };
  });
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const prp = entry.result.prp;
    nodes.push({
      id: entry.id,
      priority: prp?.priority ?? "medium",
      dependsOn: (prp?.dependsOn ?? []).map((d) => byName.get(d) ?? d),
    });
  }
  const graph = buildGraph(nodes, { external: done });
  const ready = readiness(graph, done);
  return {
    ok: files.every((f) => f.ok) && graph.issues.length === 0,
    files,
    graph: { issues: graph.issues, order: graph.order },
    ...ready,
  };
}
