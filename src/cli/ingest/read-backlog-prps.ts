// Reads and lints a backlog folder for ingest: every PRP parsed, the graph checked. Errors stop here,
// before anything is filed.
import { InvalidInputError } from "../../errors.js";
import { readBacklog } from "../../backlog/read-backlog.js";
import type { BacklogReport, Prp } from "../../prp/index.js";
import type { PlannedPrp } from "./plan-ingest.js";

export interface BacklogPrps {
  report: BacklogReport;
  planned: PlannedPrp[];
  byId: Map<string, Prp>;
}

export async function readBacklogPrps(dir: string): Promise<BacklogPrps> {
  const backlog = await readBacklog(dir);
  if (!backlog.report.ok)
    throw new InvalidInputError(
      `the backlog ${dir} has errors; fix them first (lanes prp lint ${dir}):\n${backlog.problems.join("\n")}`,
    );
  const planned = backlog.prps.map(({ id, aliases, file, prp }) => ({ id, aliases, file, prp }));
  return { report: backlog.report, planned, byId: new Map(planned.map((p) => [p.id, p.prp])) };
}
