// Local mode: a backlog's PRPs become jobs. Only PRPs whose dependencies are done are offered; the
// supervisor offers the rest as their dependencies finish. Invalid PRPs are never queued (`stack up`
// refuses them in its preflight unless told to skip them).
import type { Backlog } from "../backlog/read-backlog.js";
import type { RoleName } from "../domain/role-names.js";
import type { Priority } from "../domain/priority.js";
import type { Prp } from "../prp/index.js";
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

/** Every valid PRP of the backlog as a job, by backlog id. */
export function backlogJobs(
  backlog: Backlog,
  options: { repo: string; defaultRole: RoleName },
): Map<string, BacklogJob> {
  const jobs = new Map<string, BacklogJob>();
  for (const { id, prp } of backlog.prps) {
    if (backlog.invalid.has(id)) continue;
    jobs.set(id, {
      id: backlogJobId(id),
      repo: options.repo,
      issue: /^[1-9]\d*$/.test(id) ? Number(id) : id,
      role: prp.role ?? options.defaultRole,
      priority: prp.priority,
      title: prp.title,
      kind: "build",
      payload: { prp: payloadOf(prp, backlog.idOf), backlogId: id },
    });
  }
  return jobs;
}

/** The jobs that can run once the backlog ids in `done` are finished, in graph order. */
export function readyBacklogJobs(
  backlog: Backlog,
  jobs: ReadonlyMap<string, BacklogJob>,
  done: ReadonlySet<string>,
): BacklogJob[] {
  return backlog.report.graph.order
    .filter((id) => !done.has(id) && !backlog.invalid.has(id))
    .filter((id) => {
      const blocked = backlog.report.blocked.find((b) => b.id === id);
      return blocked === undefined || blocked.waitingOn.every((d) => done.has(d));
    })
    .map((id) => jobs.get(id))
    .filter((j): j is BacklogJob => j !== undefined);
}
