// Local mode: a folder of PRP files becomes jobs. Only PRPs whose dependencies are done are offered;
// the supervisor offers the rest as their dependencies finish. Invalid PRPs are reported, never queued.
import type { RoleName } from "../domain/role-names.js";
import { loadBacklog } from "../backlog/load-backlog.js";
import { lintBacklog, parsePrp, type BacklogReport, type Prp } from "../prp/index.js";
import type { Priority } from "../domain/priority.js";
import type { LanePayload } from "./job-port.js";

export interface BacklogJob {
  id: string;
  repo: string;
  /** A numeric backlog id is taken as the issue it was filed as (`lanes ingest`, the demo), so the PR can close it. */
  issue: number | string;
  role: RoleName;
  priority: Priority;
  title: string;
  kind: "build";
  payload: { prp: LanePayload; backlogId: string };
}

export interface Backlog {
  report: BacklogReport;
  jobs: Map<string, BacklogJob>;
}

export function backlogJobId(id: string): string {
  return `backlog-${id.replace(/[^A-Za-z0-9._-]/g, "-")}`;
}

function payloadOf(prp: Prp, idOf: (name: string) => string): LanePayload {
  return {
    dependsOn: prp.dependsOn.map(idOf),
    body: prp.body,
    criteria: prp.criteria.map((c) => c.text),
    paths: prp.paths,
    validation: prp.validation,
    ...(prp.model ? { model: prp.model } : {}),
    ...(prp.agentScript ? { script: prp.agentScript } : {}),
  };
}

export async function readBacklog(
  dir: string,
  options: { repo: string; defaultRole: RoleName },
): Promise<Backlog> {
  const files = await loadBacklog(dir);
  const entries = files.map((f) => ({
    id: f.id,
    aliases: f.aliases,
    file: f.file,
    result: parsePrp(f.text, { file: f.file }),
  }));
  const report = lintBacklog(entries);
  const byName = new Map<string, string>();
  for (const entry of entries)
    for (const name of [entry.id, ...entry.aliases]) if (!byName.has(name)) byName.set(name, entry.id);
  const idOf = (name: string) => byName.get(name) ?? name;
  const jobs = new Map<string, BacklogJob>();
  for (const entry of entries) {
    const prp = entry.result.prp;
    if (!entry.result.ok || !prp || jobs.has(entry.id)) continue;
    jobs.set(entry.id, {
      id: backlogJobId(entry.id),
      repo: options.repo,
      issue: /^[1-9]\d*$/.test(entry.id) ? Number(entry.id) : entry.id,
      role: prp.role ?? options.defaultRole,
      priority: prp.priority,
      title: prp.title,
      kind: "build",
      payload: { prp: payloadOf(prp, idOf), backlogId: entry.id },
    });
  }
  return { report, jobs };
}

/** The jobs that can run once the backlog ids in `done` are finished, in graph order. */
export function readyBacklogJobs(backlog: Backlog, done: ReadonlySet<string>): BacklogJob[] {
  const invalid = new Set(backlog.report.invalid);
  const ready = lintReadiness(backlog, done).filter((id) => !invalid.has(id) && !done.has(id));
  return ready.map((id) => backlog.jobs.get(id)).filter((j): j is BacklogJob => j !== undefined);
}

function lintReadiness(backlog: Backlog, done: ReadonlySet<string>): string[] {
  const order = backlog.report.graph.order;
  return order.filter((id) => {
    const job = backlog.jobs.get(id);
    if (!job) return false;
    const blocked = backlog.report.blocked.find((b) => b.id === id);
    return blocked === undefined || blocked.waitingOn.every((d) => done.has(d));
  });
}
