// `lanes stack supervise`: the supervisor process inside a stack's tmux server. Opens the state store,
// drives lanes until SIGTERM, and in local mode offers backlog PRPs as their dependencies finish.
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { pino } from "pino";
import { InvalidInputError } from "../errors.js";
import { ROLES } from "../config/roles.js";
import { DEFAULT_PRICES } from "../config/usage-schema.js";
import type { RoleName } from "../domain/role-names.js";
import { githubAccessFromEnv, type GitHubPort, type RepoRef } from "../github/index.js";
import { createLogger, type Logger } from "../observe/logger.js";
import { openStateStore, type OpenedStateStore } from "../state/index.js";
import { parseRepoName } from "../text/repo-name.js";
import type { AgentAdapter } from "./agents/agent-adapter.js";
import { claudeAgent } from "./agents/claude-agent.js";
import { scriptAgent } from "./agents/script-agent.js";
import { readBacklog } from "../backlog/read-backlog.js";
import { backlogJobs, readyBacklogJobs } from "./backlog-jobs.js";
import { pullRequestsVia } from "./github-pulls.js";
import type { LaneJob } from "./job-port.js";
import { listLanes } from "./lane-record.js";
import type { LaneReporter } from "./lane-reporter.js";
import { ensureKeeper, GIT_IDENTITY_ENV, logFile, readyFile } from "./stack-launch.js";
import { RESTART_REASON_ENV } from "./supervisor-restarts.js";
import { createLaneWatch } from "./lane-watch.js";
import { readStackRecord, type StackRecord } from "./stack-record.js";
import { stackPaths, type StackPaths } from "./stack-paths.js";
import { supervisorClock } from "./supervisor-clock.js";
import { Supervisor } from "./supervisor.js";
import { Tmux } from "./tmux.js";

export function agentFor(kind: StackRecord["agent"]): AgentAdapter {
  return kind === "claude" ? claudeAgent() : scriptAgent();
}

/**
 * Queues the backlog PRPs that are ready given the lanes already done; returns the new job ids. A job the
 * queue refuses fails alone: it is logged with its reason and the others are queued.
 */
export async function offerBacklog(
  record: StackRecord,
  paths: StackPaths,
  store: Pick<OpenedStateStore, "enqueue">,
  log?: Logger,
): Promise<string[]> {
  if (!record.backlog) return [];
  const backlog = await readBacklog(record.backlog);
  const jobs = backlogJobs(backlog, { repo: record.repoSlug, defaultRole: record.roles[0] as RoleName });
  const done = new Set(
    (await listLanes(paths.lanes)).filter((l) => l.state === "done").map((l) => String(l.issue)),
  );
  const queued: string[] = [];
  for (const job of readyBacklogJobs(backlog, jobs, done)) {
    try {
      if ((await store.enqueue(job)).created) queued.push(job.id);
    } catch (error) {
      // Only a refused job is skipped; anything else (Redis gone) stops the offer like before.
      if (!(error instanceof InvalidInputError)) throw error;
      log?.error(
        {
          job: job.id,
          file: job.payload.backlogId,
          err: error instanceof Error ? error.message : String(error),
        },
        "the queue refused a backlog PRP; the others go on",
      );
    }
  }
  return queued;
}

/** Agents commit as the identity the stack was started with (never secrets: those come from the server env). */
function gitIdentity(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    GIT_IDENTITY_ENV.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k] as string]])),
  );
}

/**
 * GitHub for this stack: the App (installation tokens, refreshed) or a token, and a real owner/repo;
 * local stacks (`local/<name>`) have neither. `token` is what lane pushes send; agents never see it.
 */
async function stackGitHub(
  record: StackRecord,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<{ github: GitHubPort; repo: RepoRef; token: () => Promise<string> } | undefined> {
  const repo = parseRepoName(record.repoSlug);
  if (repo === undefined || repo.owner === "local") return undefined;
  const access = await githubAccessFromEnv(env, log, repo);
  if (access) log.info({ repo: record.repoSlug, auth: access.kind }, "GitHub access");
  return access && { github: access.port, repo, token: access.token };
}

/** Says on the PRP's issue why no agent could start for it (issue text never reaches a shell here). */
export function agentProblemReporter(
  target: { github: GitHubPort; repo: RepoRef } | undefined,
  hostName: string,
) {
  return async (job: LaneJob, message: string): Promise<void> => {
    if (!target || typeof job.issue !== "number") return;
    await target.github.createComment(
      target.repo,
      job.issue,
      `**Lanes could not start an agent for this PRP** on runner host \`${hostName}\`:\n\n${message}`,
    );
  };
}

export interface SupervisorWiring {
  /** The PRP reporter for a stack on a real repository (state labels, status comment); given by the CLI. */
  reporterFor?: (target: {
    github: GitHubPort;
    repo: RepoRef;
    store: OpenedStateStore;
    log: Logger;
    hostName: string;
  }) => LaneReporter;
}

export async function runSupervisor(
  env: NodeJS.ProcessEnv,
  name: string,
  signal: AbortSignal,
  wiring: SupervisorWiring = {},
): Promise<void> {
  const paths = stackPaths(env, name);
  const record = await readStackRecord(paths.record, name);
  const destination = pino.destination({ dest: logFile(paths), mkdir: true, sync: false });
  // open before anything can fail, so a fatal line can be flushed before the process ends
  await once(destination, "ready");
  const log = createLogger({ name: `lanes-stack-${name}`, destination }, env);
  try {
    await superviseStack(record, paths, log, env, signal, wiring);
  } catch (error) {
    // one line in the logs window (it tails this file) instead of a pane that dies with nothing said
    log.fatal(
      { err: error instanceof Error ? error.message : String(error) },
      "supervisor stopped on an error",
    );
    destination.flushSync();
    throw error;
  }
}

async function superviseStack(
  record: StackRecord,
  paths: StackPaths,
  log: Logger,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  wiring: SupervisorWiring,
): Promise<void> {
  const name = record.name;
  const store = await openStateStore({
    url: record.redisUrl,
    prefix: record.prefix,
    log,
    leaseMs: record.leaseMs,
  });
  const tmux = new Tmux(paths.socket);
  const github = await stackGitHub(record, env, log);
  const reporter = github && wiring.reporterFor?.({ ...github, store, log, hostName: record.hostName });
  const supervisor = new Supervisor({
    name,
    hostName: record.hostName,
    roles: record.roles,
    agents: record.agents,
    leaseMs: record.leaseMs,
    store,
    log,
    maxRestarts: record.maxRestarts,
    now: supervisorClock(env),
    briefFallbackMs: 30_000,
    commitRule: { everyMs: record.commitEveryMinutes * 60_000, graceMs: 5 * 60_000 },
    host: {
      repo: record.repo,
      base: record.base,
      worktreeRoot: record.worktreeRoot,
      session: name,
      tmux,
      paths,
      agent: agentFor(record.agent),
      roleBrief: (role) => ROLES[role as RoleName]?.brief ?? "",
      modelFor: (role) => record.models[role],
      organisation: record.organisation,
      paneEnv: gitIdentity(env),
      permissionsFor: (role) => [
        record.permissions,
        ...(record.rolePermissions[role] ? [record.rolePermissions[role]] : []),
      ],
      sandboxed: record.sandboxed,
      dependencyBranches: async (ids) => {
        const wanted = new Set(ids);
        return (await listLanes(paths.lanes))
          .filter((l) => l.state === "done" && wanted.has(String(l.issue)))
          .map((l) => l.branch);
      },
    },
    finish: {
      repo: record.repo,
      base: record.base,
      remote: record.remote,
      pulls: github && pullRequestsVia(github.github, github.repo),
      pushToken: github?.token,
      env,
    },
    usage: { prices: { ...DEFAULT_PRICES, ...record.prices }, budgets: record.budgets },
    ...(reporter ? { reporter } : {}),
    reportAgentProblem: reporter
      ? (job, message) =>
          reporter.report(job, { kind: "problem", message: `on ${record.hostName}: ${message}` })
      : agentProblemReporter(github, record.hostName),
    env,
    watch: createLaneWatch({
      board: store,
      capture: (paneId) => tmux.capture(paneId),
      log,
      stack: name,
      host: record.hostName,
    }),
    onLaneClosed: async () => {
      const queued = await offerBacklog(record, paths, store, log);
      if (queued.length > 0) log.info({ queued }, "backlog PRPs now ready were queued");
    },
  });
  await supervisor.start();
  await offerBacklog(record, paths, store, log);
  await writeFile(readyFile(paths), `${process.pid}\n`);
  log.info({ name, roles: record.roles, agents: record.agents, agent: record.agent }, "supervisor running");
  const restartedBecause = env[RESTART_REASON_ENV];
  if (restartedBecause) {
    log.warn({ reason: restartedBecause }, "supervisor restarted by the keeper");
    await store
      .appendAudit({
        type: "supervisor-restarted",
        actor: `supervisor@${record.hostName}/${name}`,
        data: restartedBecause,
      })
      .catch((error: unknown) => log.warn({ err: String(error) }, "could not audit the restart"));
  }
  // The keeper restarts this supervisor; this supervisor starts the keeper and restarts it when it dies
  // (only here, one check at a time, so a stack never gets two keepers). A supervisor started by hand,
  // outside the stack's supervisor window, has nothing a keeper could restart.
  const inWindow = (await tmux.listPanes(name).catch(() => [])).some(
    (p) => p.windowName === "supervisor" && p.paneId === env.TMUX_PANE,
  );
  let keeping = false;
  const keep = () => {
    if (keeping || !inWindow) return;
    keeping = true;
    void ensureKeeper(record, tmux, env)
      .catch((error: unknown) => log.warn({ err: String(error) }, "could not start the keeper"))
      .finally(() => (keeping = false));
  };
  keep();
  const timer = setInterval(() => {
    void supervisor.tick();
    keep();
  }, record.tickMs);
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  clearInterval(timer);
  await supervisor.stop();
  await store.quit();
  log.info({ name }, "supervisor stopped");
}
