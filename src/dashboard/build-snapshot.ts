// The dashboard's one value: per repository its hosts, lanes (with the PRP's gates and links), queues per
// role with blocked and waiting PRPs, jobs that need a person, integration work, recent audit entries, the
// lanes' last log lines and the charts. Read from Redis only; free text is redacted here, escaped by the page.
import type {
  AuditEntry,
  IntegrationRun,
  Job,
  LaneSnapshot,
  QueueStats,
  StateStore,
} from "../state/index.js";
import { chartData, type ChartData } from "./chart-data.js";
import { redactText } from "./redact.js";

export type BoardStore = Pick<
  StateStore,
  | "listLaneSnapshots"
  | "readLaneLog"
  | "listHosts"
  | "listJobs"
  | "stats"
  | "listPrpStates"
  | "readPrpRecord"
  | "readAudit"
  | "recentAudit"
  | "recentGateSummaries"
  | "recentIntegrations"
  | "followBoard"
  | "close"
>;

export interface DashboardSource {
  /** owner/repo (or a local stack's `local/<name>`). */
  repo: string;
  store: BoardStore;
}

export interface JobView {
  id: string;
  issue: number | string;
  title: string;
  role: string;
  priority: string;
  state: string;
  attempts: number;
  waitedSeconds: number;
  lastError?: string;
}

export interface LaneView extends LaneSnapshot {
  gates: Record<string, string>;
  issueUrl?: string;
  prUrl?: string;
  checksUrl?: string;
}

export interface RepoView {
  repo: string;
  repoUrl?: string;
  stats: QueueStats;
  hosts: { host: string; roles: string[]; alive: boolean; lastSeen: number; lanes: number }[];
  lanes: LaneView[];
  queues: Record<string, JobView[]>;
  blocked: { issue: number; title: string; role: string; waitingOn: number[]; issueUrl?: string }[];
  attention: JobView[];
  integration: JobView[];
  /** The last integrations their runner reported (newest first). */
  integrations: IntegrationRun[];
  /** Open SLA and deadline flags of PRPs (issue 19's team checks), one row per flag. */
  flags: { issue: number; title: string; kind: string; text: string; issueUrl?: string }[];
  recent: AuditEntry[];
  logs: Record<string, string[]>;
  charts: ChartData;
}

export interface DashboardSnapshot {
  generatedAt: number;
  repos: RepoView[];
}

export interface SnapshotOptions {
  now?: number;
  /** GitHub's web address (https://github.com), for links; none for local repositories. */
  webUrl?: string;
  logLines?: number;
  /** Charts per repository, reused while younger than `chartsMaxAgeMs` (they read the whole audit window). */
  chartCache?: Map<string, { at: number; charts: ChartData }>;
  chartsMaxAgeMs?: number;
}

const OPEN_LANES = new Set(["starting", "working", "idle", "paused", "waiting"]);
/** PRP states whose flags still matter (a done or withdrawn PRP's flags are history). */
const CLOSED_PRPS = new Set(["done", "withdrawn"]);
const isLocal = (repo: string) => repo.startsWith("local/");

function jobView(job: Job, now: number): JobView {
  return {
    id: job.id,
    issue: job.issue,
    title: redactText(job.title),
    role: job.role,
    priority: job.priority,
    state: job.state,
    attempts: job.attempts,
    waitedSeconds: Math.max(0, Math.round((now - job.createdAt) / 1000)),
    ...(job.lastError ? { lastError: redactText(job.lastError).slice(0, 500) } : {}),
  };
}

function laneView(lane: LaneSnapshot, gates: Record<string, string>, repoUrl: string | undefined): LaneView {
  const view: LaneView = {
    ...lane,
    title: redactText(lane.title),
    gates,
    ...(lane.note ? { note: redactText(lane.note) } : {}),
    ...(lane.waitingFor ? { waitingFor: redactText(lane.waitingFor) } : {}),
  };
  if (!repoUrl) return view;
  if (typeof lane.issue === "number") view.issueUrl = `${repoUrl}/issues/${lane.issue}`;
  const pr = /(?:pull\/|^#?)(\d+)$/.exec(lane.pr ?? "")?.[1];
  if (pr) {
    view.prUrl = `${repoUrl}/pull/${pr}`;
    view.checksUrl = `${repoUrl}/pull/${pr}/checks`;
  }
  return view;
}

type FullOptions = Required<Omit<SnapshotOptions, "chartCache">> & Pick<SnapshotOptions, "chartCache">;

async function charts(
  source: DashboardSource,
  snapshots: LaneSnapshot[],
  options: FullOptions,
): Promise<ChartData> {
  const cached = options.chartCache?.get(source.repo);
  if (cached && options.now - cached.at < options.chartsMaxAgeMs) return cached.charts;
  const since = options.now - 14 * 86_400_000;
  const [audit, gates] = await Promise.all([
    source.store.readAudit({ since, limit: 10_000 }),
    source.store.recentGateSummaries(since),
  ]);
  const data = chartData(audit, snapshots, options.now, 14, gates);
  options.chartCache?.set(source.repo, { at: options.now, charts: data });
  return data;
}

async function repoView(source: DashboardSource, options: FullOptions): Promise<RepoView> {
  const { store, repo } = source;
  const now = options.now;
  const repoUrl = isLocal(repo) ? undefined : `${options.webUrl.replace(/\/+$/, "")}/${repo}`;
  const [stats, hosts, snapshots, jobs, states, audit, integrations] = await Promise.all([
    store.stats(),
    store.listHosts(),
    store.listLaneSnapshots(),
    store.listJobs({ limit: 1_000 }),
    store.listPrpStates(),
    store.recentAudit(40),
    store.recentIntegrations(5),
  ]);
  const records = new Map<number, Awaited<ReturnType<BoardStore["readPrpRecord"]>>>();
  // every open PRP's record: lanes show its gates, blocked PRPs what they wait on, and any PRP its flags
  const wanted = new Set<number>(states.filter((s) => !CLOSED_PRPS.has(s.state)).map((s) => s.issue));
  for (const lane of snapshots) if (typeof lane.issue === "number") wanted.add(lane.issue);
  await Promise.all(
    [...wanted].map(async (issue) => records.set(issue, await store.readPrpRecord(issue).catch(() => ({})))),
  );
  const flags: RepoView["flags"] = [];
  for (const { issue } of states.filter((s) => !CLOSED_PRPS.has(s.state)))
    for (const [kind, text] of Object.entries(records.get(issue)?.flags ?? {}))
      flags.push({
        issue,
        title: redactText(records.get(issue)?.title ?? ""),
        kind,
        text: redactText(text),
        ...(repoUrl ? { issueUrl: `${repoUrl}/issues/${issue}` } : {}),
      });

  const queues: Record<string, JobView[]> = {};
  for (const job of jobs)
    if (job.state === "queued" || job.state === "delayed") (queues[job.role] ??= []).push(jobView(job, now));
  const lanes = snapshots.map((lane) =>
    laneView(lane, typeof lane.issue === "number" ? (records.get(lane.issue)?.gates ?? {}) : {}, repoUrl),
  );
  const logs: Record<string, string[]> = {};
  for (const lane of snapshots.slice(0, 50))
    logs[lane.id] = (await store.readLaneLog(lane.id, options.logLines)).map((l) => l.text);

  return {
    repo,
    ...(repoUrl ? { repoUrl } : {}),
    stats,
    hosts: hosts.map((h) => ({
      host: h.host,
      roles: h.roles,
      alive: h.alive,
      lastSeen: h.lastSeen,
      lanes: snapshots.filter((l) => l.host === h.host && OPEN_LANES.has(l.state)).length,
    })),
    lanes,
    queues,
    blocked: states
      .filter((s) => s.state === "blocked")
      .map((s) => {
        const record = records.get(s.issue) ?? {};
        return {
          issue: s.issue,
          title: redactText(record.title ?? ""),
          role: record.role ?? "",
          waitingOn: record.waitingOn ?? [],
          ...(repoUrl ? { issueUrl: `${repoUrl}/issues/${s.issue}` } : {}),
        };
      }),
    attention: jobs
      .filter((j) => j.state === "needs-human" || j.state === "paused")
      .map((j) => jobView(j, now)),
    integration: jobs
      .filter((j) => j.role === "integrator" || j.kind === "resolve")
      .map((j) => jobView(j, now)),
    integrations,
    flags,
    recent: audit.map((e) => ({ ...e, ...(e.data ? { data: redactText(e.data) } : {}) })),
    logs,
    charts: await charts(source, snapshots, options),
  };
}

export async function buildSnapshot(
  sources: readonly DashboardSource[],
  options: SnapshotOptions = {},
): Promise<DashboardSnapshot> {
  const full: FullOptions = {
    now: options.now ?? Date.now(),
    webUrl: options.webUrl ?? "https://github.com",
    logLines: options.logLines ?? 60,
    chartsMaxAgeMs: options.chartsMaxAgeMs ?? 30_000,
    chartCache: options.chartCache,
  };
  return {
    generatedAt: full.now,
    repos: await Promise.all(sources.map((source) => repoView(source, full))),
  };
}
