// `lanes stack up`: decides the stack (repo, roles, agents, agent kind, Redis), records it, queues a
// backlog in local mode, and launches the stack's tmux server with its supervisor.
import { hostname } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEFAULT_CONFIG_FILE, readConfigFile, type ResolvedTeam } from "../config/index.js";
import { worktreeRootProblem } from "../config/worktree-root.js";
import type { RoleName } from "../domain/role-names.js";
import { excludeFromGit } from "../git/git-exclude.js";
import { gitText } from "../git/run-git.js";
import { readBacklog, type Backlog } from "../backlog/read-backlog.js";
import type { Logger } from "../observe/logger.js";
import { ensureStackRedis, repoPrefix, safeRedisUrl, stopStackRedis } from "../state/index.js";
import { backlogJobs } from "./backlog-jobs.js";
import { StackError } from "./errors.js";
import { preflight } from "./preflight.js";
import { agentFor } from "./run-supervisor.js";
import { needsHumanNote, requeueNeedsHuman } from "./stack-requeue.js";
import { givenRedisUrl, redisProbe, stackRedisDir } from "./stack-redis-url.js";
import { launchStack } from "./stack-launch.js";
import { writeStackRecord, type StackRecord } from "./stack-record.js";
import { stackNameFor, stackPaths, stackUser } from "./stack-paths.js";
import { stackWorktreeRoot } from "./stack-worktree-root.js";
import { Tmux } from "./tmux.js";
import { refuseJobToken } from "./refuse-job-token.js";

export interface StackUpRequest {
  repo: string;
  name?: string | undefined;
  backlog?: string | undefined;
  agents?: number | undefined;
  agent: "claude" | "script";
  base?: string | undefined;
  redis?: string | undefined;
  remote?: string | undefined;
  /** The planned team (from `planTeamForDir`); in local mode the backlog's roles are added. */
  team: ResolvedTeam;
  /** True when the user named roles explicitly (then the backlog does not add any). */
  rolesGiven: boolean;
  /** `--skip-invalid`: run the backlog's valid PRPs and name the invalid ones instead of refusing. */
  skipInvalid?: boolean | undefined;
  /** The GitHub repository the stack works (`--github-repo`); else GITHUB_REPOSITORY, else local. */
  githubRepo?: string | undefined;
  /** Runs once the stack is recorded, before it starts (e.g. reconcile queues the repository's PRPs). */
  beforeLaunch?: ((record: StackRecord) => Promise<void>) | undefined;
  /** The GitHub token the stack pushes with over HTTPS, so the preflight's dry-run push uses it too. */
  pushToken?: (() => Promise<string>) | undefined;
  /** `--requeue`: jobs that wait for a human run again with fresh attempts. */
  requeue?: boolean | undefined;
  /** Told when each step starts and ends (the CLI's progress view). */
  onStep?: ((step: StackUpStep, phase: "start" | "done", note?: string) => void) | undefined;
}

export type StackUpStep = "preflight" | "redis" | "before-launch" | "launch";

export interface StackUpResult {
  record: StackRecord;
  attach: string[];
  /** Where the stack's Redis is, in words (its own redis-server and data folder, or the one given). */
  redis: string;
  /** Preflight notes: what runs in a reduced way (skipped PRPs, no remote). */
  notes: string[];
}

/**
 * A worktree root inside the repository (the config default is `.lanes/worktrees`) must not show up
 * in the user's `git status`: its top folder goes into the repository's git exclude, no file is written.
 */
async function hideWorktreeRoot(repo: string, root: string): Promise<void> {
  const rel = relative(repo, root);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return;
  await excludeFromGit(repo, [`/${rel.split(sep)[0] as string}/`]);
}

/** The backlog's roles, unless the user named roles (then those alone serve). */
function rolesFor(request: StackUpRequest, backlog: Backlog | undefined, defaultRole: RoleName): RoleName[] {
  const roles: RoleName[] = request.team.roles.map((r) => r.role);
  if (!backlog || request.rolesGiven) return roles;
  const jobs = backlogJobs(backlog, { repo: "", defaultRole });
  const wanted = [...new Set([...jobs.values()].map((j) => j.role))];
  return wanted.length > 0 ? wanted : roles;
}

export async function stackUp(
  request: StackUpRequest,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<StackUpResult> {
  refuseJobToken(env);
  const repo = await gitText(["rev-parse", "--show-toplevel"], { cwd: resolve(request.repo) }).catch(() => {
    throw new StackError(
      `${request.repo} is not a git repository; pass --repo with the repository to work on`,
    );
  });
  const { config } = await readConfigFile(join(repo, DEFAULT_CONFIG_FILE), {
    display: DEFAULT_CONFIG_FILE,
    required: false,
  });
  const name = stackNameFor(repo, request.name);
  const paths = stackPaths(env, name);
  const tmux = new Tmux(paths.socket);
  if (await tmux.hasSession(name))
    throw new StackError(`stack ${name} is already running; see \`lanes stack status --name ${name}\``);

  const models: Record<string, string> = Object.fromEntries(request.team.roles.map((r) => [r.role, r.model]));
  const repoSlug = request.githubRepo || env.GITHUB_REPOSITORY || `local/${name}`;
  const backlog = request.backlog ? await readBacklog(resolve(request.backlog)) : undefined;
  const roles = rolesFor(request, backlog, config.default_role);
  const rootProblem = env.LANES_WORKTREE_ROOT && worktreeRootProblem(env.LANES_WORKTREE_ROOT);
  if (rootProblem)
    throw new StackError(`LANES_WORKTREE_ROOT=${env.LANES_WORKTREE_ROOT} is refused: ${rootProblem}`);
  const base = request.base ?? (await gitText(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: repo }));
  const givenRedis = givenRedisUrl(request.redis, env);
  const step = request.onStep ?? (() => undefined);
  step("preflight", "start");
  const checked = await preflight({
    repo,
    base,
    remote: request.remote,
    agent: agentFor(request.agent),
    env,
    backlog,
    skipInvalid: request.skipInvalid ?? false,
    redis: givenRedis === undefined ? undefined : redisProbe(givenRedis, log),
    pushToken: request.pushToken,
  });
  step("preflight", "done", `base ${base}`);
  step("redis", "start");
  const ownRedis = givenRedis === undefined ? await ensureStackRedis(stackRedisDir(paths)) : undefined;
  step(
    "redis",
    "done",
    ownRedis ? `own redis-server at ${ownRedis.url}` : safeRedisUrl(givenRedis as string),
  );
  try {
    const record = await writeStackRecord(paths.record, {
      name,
      repo,
      repoSlug,
      base,
      worktreeRoot: stackWorktreeRoot(repo, config.worktree_root, paths, env),
      roles,
      models,
      agents: request.agents ?? Math.max(roles.length, request.team.size),
      agent: request.agent,
      ...(request.backlog ? { backlog: resolve(request.backlog) } : {}),
      redisUrl: ownRedis?.url ?? (givenRedis as string),
      redisManaged: ownRedis !== undefined,
      // a local stack's keys are the user's own: two users' stacks of one name on one Redis never meet
      prefix:
        env.LANES_PREFIX ??
        repoPrefix(repoSlug === `local/${name}` ? `local-${stackUser(env)}/${name}` : repoSlug),
      hostName: (env.LANES_HOST ?? hostname()).replace(/[^A-Za-z0-9._@-]/g, "-").slice(0, 100),
      ...(env.LANES_LEASE_MS ? { leaseMs: Number(env.LANES_LEASE_MS) } : {}),
      ...(env.LANES_TICK_MS ? { tickMs: Number(env.LANES_TICK_MS) } : {}),
      maxRestarts: config.retry.attempts,
      commitEveryMinutes: config.commit_cadence_minutes,
      organisation: config.organisation_context,
      ...(request.remote ? { remote: request.remote } : {}),
      permissions: config.permissions,
      rolePermissions: Object.fromEntries(
        Object.entries(config.roles).flatMap(([role, settings]) =>
          settings.permissions ? [[role, settings.permissions]] : [],
        ),
      ),
      sandboxed: config.runner.sandboxed,
      prices: config.prices,
      budgets: config.budgets,
      createdAt: Date.now(),
    });
    await hideWorktreeRoot(repo, record.worktreeRoot);
    if (request.beforeLaunch) {
      step("before-launch", "start");
      await request.beforeLaunch(record);
      step("before-launch", "done");
    }
    const needsHuman = await requeueNeedsHuman(record, request.requeue ?? false, log);
    step("launch", "start");
    await launchStack(record, paths, tmux, env);
    step("launch", "done", `${record.agents} agent(s) for ${record.roles.join(", ")}`);
    const redis = ownRedis
      ? `its own redis-server at ${ownRedis.url} (AOF on, data in ${ownRedis.dir})`
      : `Redis at ${safeRedisUrl(record.redisUrl)}`;
    return {
      record,
      attach: tmux.attachArgv(name),
      redis,
      notes: [...checked.notes, ...needsHumanNote(needsHuman)],
    };
  } catch (error) {
    // a stack that did not start leaves no redis-server behind
    if (ownRedis?.started) await stopStackRedis(ownRedis.dir);
    throw error;
  }
}
