// Reads and lints a backlog folder for ingest: every PRP parsed, the graph checked. Errors stop here,
// before anything is filed.
import { InvalidInputError } from "../../errors.js";
import { loadBacklog } from "../../backlog/load-backlog.js";
import { lintBacklog, parsePrp, type BacklogReport, type Prp } from "../../prp/index.js";
import { backlogProblems, type PlannedPrp } from "./plan-ingest.js";

export interface BacklogPrps {
  report: BacklogReport;
  planned: PlannedPrp[];
  byId: Map<string, Prp>;
}

export async function readBacklogPrps(dir: string): Promise<BacklogPrps> {
  const files = await loadBacklog(dir);
  const entries = files.map((f) => ({
    id: f.id,
    aliases: f.aliases,
    file: f.file,
    result: parsePrp(f.text, { file: f.file }),
  }));
  const report = lintBacklog(entries);
  if (!report.ok)
    throw new InvalidInputError(
      `the backlog ${dir} has errors; fix them first (lanes prp lint ${dir}):\n${backlogProblems(report).join("\n")}`,
    );
  const planned = entries.map((e) => ({
    id: e.id,
    aliases: e.aliases,
    file: e.file,
    prp: e.result.prp as Prp,
  }));
  return { report, planned, byId: new Map(planned.map((p) => [p.id, p.prp])) };
}
