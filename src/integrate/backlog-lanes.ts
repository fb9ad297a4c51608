// Lanes completed with what their PRPs say: title, priority, dependencies and validation commands, from
// a backlog folder of PRP files. A lane matches the PRP whose id is in its branch (`lanes/<role>/<id>-<slug>`).
import { PrpReadError } from "../prp/errors.js";
import { loadBacklog } from "../backlog/load-backlog.js";
import { parsePrp } from "../prp/parse-prp.js";
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
  const files = await loadBacklog(dir);
  const idOf = new Map<string, string>();
  for (const file of files) for (const name of [file.id, ...file.aliases]) idOf.set(name, file.id);
  const facts = new Map<string, PrpFacts>();
  for (const file of files) {
    const parsed = parsePrp(file.text, { file: file.file });
    if (!parsed.ok || !parsed.prp) {
      const problems = parsed.errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`).join("; ");
      throw new PrpReadError(`${file.file} is not a valid PRP (${problems})`, {
        context: { file: file.file },
      });
    }
    const { title, priority, dependsOn, validation } = parsed.prp;
    const deps = dependsOn.map((d) => d.replace(/^#/, "")).map((d) => idOf.get(d) ?? d);
    facts.set(file.id, { id: file.id, title, priority, dependsOn: deps, validation });
  }
  return facts;
}

/** The lane with its PRP's title, priority and dependencies (the branch's role and id stay). */
export function withPrp(lane: Lane, prp: PrpFacts | undefined): Lane {
  if (!prp) return lane;
  return { ...lane, title: prp.title, priority: prp.priority, dependsOn: prp.dependsOn };
}
