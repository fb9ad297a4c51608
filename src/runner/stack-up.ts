// `lanes stack up`: decides the stack (repo, roles, agents, agent kind, Redis), records it, queues a
// backlog in local mode, and launches the stack's tmux server with its supervisor.
import { hostname } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEFAULT_CONFIG_FILE, readConfigFile, type ResolvedTeam } from "../config/index.js";
import type { RoleName } from "../domain/role-names.js";
import { excludeFromGit } from "../git/git-exclude.js";
import { gitText } from "../git/run-git.js";
import { repoPrefix, resolveRedisUrl } from "../state/index.js";
import { readBacklog } from "./backlog-jobs.js";
import { StackError } from "./errors.js";
import { agentFor } from "./run-supervisor.js";
import { launchStack } from "./stack-launch.js";
import { writeStackRecord, type StackRecord } from "./stack-record.js";
import { stackNameFor, stackPaths } from "./stack-paths.js";
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
}

export interface StackUpResult {
  record: StackRecord;
  attach: string[];
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

export async function stackUp(request: StackUpRequest, env: NodeJS.ProcessEnv): Promise<StackUpResult> {
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
  await agentFor(request.agent).check(env);
  const name = stackNameFor(repo, request.name);
  const paths = stackPaths(env, name);
  const tmux = new Tmux(paths.socket);
  if (await tmux.hasSession(name))
    throw new StackError(`stack ${name} is already running; see \`lanes stack status --name ${name}\``);

  let roles: RoleName[] = request.team.roles.map((r) => r.role);
  const models: Record<string, string> = Object.fromEntries(request.team.roles.map((r) => [r.role, r.model]));
  const repoSlug = env.GITHUB_REPOSITORY || `local/${name}`;
  if (request.backlog) {
    const backlog = await readBacklog(resolve(request.backlog), {
      repo: repoSlug,
      defaultRole: config.default_role,
    });
    const wanted = [...new Set([...backlog.jobs.values()].map((j) => j.role))];
    if (!request.rolesGiven) roles = wanted.length > 0 ? wanted : roles;
  }
  const base = request.base ?? (await gitText(["rev-parse", "--abbrev-ref", "HEAD"], { cwd: repo }));
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
    redisUrl: resolveRedisUrl(request.redis, env),
    prefix: env.LANES_PREFIX ?? repoPrefix(repoSlug),
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
  await launchStack(record, paths, tmux, env);
  return { record, attach: tmux.attachArgv(name) };
}
