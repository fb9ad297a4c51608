// The one backlog reader: a folder of PRP files parsed and linted once, for `stack up` (local mode),
// `lanes ingest`, `lanes prp lint` and `lanes integrate --backlog`. Each caller decides what an
// invalid PRP means for it; the problems come named `file:line: field: message`.
import { basename, join } from "node:path";
import { lintBacklog, parsePrp, type BacklogReport, type Prp } from "../prp/index.js";
import { loadBacklog } from "./load-backlog.js";

export interface BacklogPrp {
  id: string;
  aliases: string[];
  file: string;
  prp: Prp;
}

export interface Backlog {
  dir: string;
  report: BacklogReport;
  /** The PRPs that parsed, first one per id, in file order. */
  prps: BacklogPrp[];
  /** Ids of PRPs with errors (their own, or a duplicate id). */
  invalid: Set<string>;
  /** Every problem, one line each: `file:line: field: message`, then graph issues. */
  problems: string[];
  /** The PRP id a dependency names: an id, a file stem, a slug or `#12`. */
  idOf(name: string): string;
}

export function backlogProblems(report: BacklogReport): string[] {
  return [
    ...report.files.flatMap((f) => f.errors.map((e) => `${f.file}:${e.line}: ${e.field}: ${e.message}`)),
    ...report.graph.issues.map((i) => i.message),
  ];
}

/**
 * Reads and lints `dir`. Files are named under `display` when given (`lanes prp lint` shows the
 * folder as the user typed it), else under `dir`.
 */
export async function readBacklog(dir: string, options: { display?: string } = {}): Promise<Backlog> {
  const files = await loadBacklog(dir);
  const entries = files.map((f) => {
    const file = options.display === undefined ? f.file : join(options.display, basename(f.file));
    return { id: f.id, aliases: f.aliases, file, result: parsePrp(f.text, { file }) };
  });
  const report = lintBacklog(entries);
  const byName = new Map<string, string>();
  for (const entry of entries)
    for (const name of [entry.id, ...entry.aliases]) if (!byName.has(name)) byName.set(name, entry.id);
  const invalid = new Set(report.files.filter((f) => !f.ok).map((f) => f.id));
  const prps: BacklogPrp[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const prp = entry.result.prp;
    if (!entry.result.ok || !prp || seen.has(entry.id)) continue;
    seen.add(entry.id);
    prps.push({ id: entry.id, aliases: entry.aliases, file: entry.file, prp });
  }
  return {
    dir,
    report,
    prps,
    invalid,
    problems: backlogProblems(report),
    idOf: (name) => {
      const bare = name.replace(/^#/, "");
      return byName.get(bare) ?? bare;
    },
  };
}
