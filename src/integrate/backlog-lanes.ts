// Lanes completed with what their PRPs say: title, priority, dependencies and validation commands, from
// a backlog folder of PRP files. A lane matches the PRP whose id is in its branch (`lanes/<role>/<id>-<slug>`).
import { PrpReadError } from "../prp/errors.js";
import { readBacklog } from "../backlog/read-backlog.js";
import type { Priority } from "../domain/priority.js";
import type { Lane } from "./lane.js";

export interface PrpFacts {
  id: string;
  title: string;
  priority: Priority;
  dependsOn: string[];
  validation: string[];
}

/** The backlog's PRPs by id; dependencies written as a file stem, slug or `#12` become ids. */
export async function readBacklogFacts(dir: string): Promise<Map<string, PrpFacts>> {
  const backlog = await readBacklog(dir);
  const broken = backlog.report.files.find((f) => f.errors.length > 0);
  if (broken) {
    const problems = broken.errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`).join("; ");
    throw new PrpReadError(`${broken.file} is not a valid PRP (${problems})`, {
      context: { file: broken.file },
    });
  }
  const facts = new Map<string, PrpFacts>();
  for (const { id, prp } of backlog.prps) {
    const { title, priority, dependsOn, validation } = prp;
    facts.set(id, { id, title, priority, dependsOn: dependsOn.map(backlog.idOf), validation });
  }
  return facts;
}

/** The lane with its PRP's title, priority and dependencies (the branch's role and id stay). */
export function withPrp(lane: Lane, prp: PrpFacts | undefined): Lane {
  if (!prp) return lane;
  return { ...lane, title: prp.title, priority: prp.priority, dependsOn: prp.dependsOn };
}
