// `lanes stack up`: checks its options, plans the team, starts the stack (reconciling a --github-repo's open
// PRPs into its Redis first) with a live progress view, and prints how to attach.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { Command } from "commander";
import * as z from "zod";
import { reconcileRepo } from "../../app/reconcile/index.js";
import { UsageError } from "../../errors.js";
import { githubAccessFromEnv, type RepoAccess } from "../../github/index.js";
import type { StackRecord } from "../../runner/stack-record.js";
import { stackUp, type StackUpStep } from "../../runner/stack-up.js";
import { openStateStore } from "../../state/index.js";
import type { RepoName } from "../../text/repo-name.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { PROGRESS_HELP, withProgress, type Progress } from "../progress/progress.js";
import { githubRepoFrom, githubRepoOption, repoFullName } from "./github-repo-option.js";
import { planTeamForDir } from "./team.js";

interface UpOptions {
  name?: string;
  repo?: string;
  backlog?: string;
  template?: string;
  roles?: string;
  plan?: string;
  agents?: string;
  agent?: string;
  base?: string;
  redis?: string;
  remote?: string;
  skipInvalid?: boolean;
  githubRepo?: string;
  requeue?: boolean;
  attach?: boolean;
  json?: boolean;
}

/** What `stack up --github-repo` queued before the stack started: reconcile's steps, by action. */
interface Reconciled {
  prps: number;
  queued: number[];
}

/**
 * With no App server to queue labelled issues, the stack queues them itself: reconcile (as the App, or
 * with the token) into the stack's Redis, before its supervisor starts claiming.
 */
function reconcileFirst(ctx: CliDeps, repo: RepoName, access: Access, done: (r: Reconciled) => void) {
  return async (record: StackRecord): Promise<void> => {
    const { port } = await access();
    const store = await openStateStore({ url: record.redisUrl, prefix: record.prefix, log: ctx.log });
    try {
      const { plan, outcomes } = await reconcileRepo({ github: port, store, repo, log: ctx.log });
      done({
        prps: plan.steps.length,
        queued: (outcomes ?? []).filter((o) => o.state === "queued").map((o) => o.issue),
      });
    } finally {
      await store.quit();
    }
  };
}

type Access = () => Promise<RepoAccess>;

/**
 * The stack's GitHub access for `--github-repo`, looked up once (the App's installation, its token) and
 * shared by the preflight's dry-run push and reconcile.
 */
function accessOnce(ctx: CliDeps, repo: RepoName): Access {
  let found: Promise<RepoAccess> | undefined;
  return () =>
    (found ??= githubAccessFromEnv(ctx.env, ctx.log, repo).then((access) => {
      if (access) return access;
      throw new UsageError(
        `--github-repo ${repoFullName(repo)} needs GitHub credentials: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) of the App installed on it, or GITHUB_TOKEN`,
      );
    }));
}

const AgentKindSchema = z.enum(["claude", "script"]);

const STEP_LABELS: Record<StackUpStep, string> = {
  preflight: "preflight: base, remote, agent, backlog",
  redis: "Redis",
  "before-launch": "reconcile the repository's open PRPs",
  launch: "start tmux and wait for the supervisor",
};

/** `stack up`'s steps in the progress view, all announced before the first starts. */
function stackUpSteps(progress: Progress, reconciles: boolean) {
  for (const step of Object.keys(STEP_LABELS) as StackUpStep[])
    if (step !== "before-launch" || reconciles) progress.pending(step, STEP_LABELS[step]);
  return (step: StackUpStep, phase: "start" | "done", note?: string): void => {
    if (phase === "start") progress.start(step, STEP_LABELS[step]);
    else progress.finish(step, "done", note);
  };
}

function attach(argv: string[]): void {
  spawnSync(argv[0] as string, argv.slice(1), { stdio: "inherit" });
}

export function registerStackUp(stack: Command, ctx: CliDeps): void {
  stack
    .command("up")
    .description(
      "start a stack: a private tmux server with status, supervisor, logs and one window per agent",
    )
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--repo <dir>", "the repository the agents work on (default: the current directory)")
    .option("--backlog <dir>", "local mode: queue the PRP files of this folder and work them")
    .option("--template <template>", "team template (web_application, system_deployment, …)")
    .option("--roles <roles>", "roles, comma-separated")
    .option("--plan <plan>", "pro, max5x, max20x or console (sizes the team)")
    .option("--agents <n>", "agents running at once")
    .option("--agent <kind>", "claude (default) or script", "claude")
    .option("--base <ref>", "branch lanes start from (default: the repository's current branch)")
    .option("--redis <url>", "Redis URL (default: REDIS_URL, else the stack starts its own redis-server)")
    .option("--remote <name>", "git remote lane branches are pushed to (default: the first remote)")
    .option("--skip-invalid", "run the backlog's valid PRPs and name the invalid ones instead of refusing")
    .addOption(
      githubRepoOption(
        "the GitHub repository the stack works: its open PRPs are queued first (lanes reconcile), then worked; credentials from APP_ID + PRIVATE_KEY (the App) or GITHUB_TOKEN",
      ),
    )
    .option("--requeue", "run the jobs that wait for a human (needs-human) again")
    .option("--attach", "attach to the stack once it is running")
    .option("--json", "print the stack as JSON")
    .addHelpText("after", PROGRESS_HELP)
    .action(
      action(ctx, async (opts: UpOptions) => {
        const agent = AgentKindSchema.safeParse(opts.agent);
        if (!agent.success) throw new UsageError(`--agent ${opts.agent}: expected claude or script`);
        const agents = opts.agents === undefined ? undefined : Number(opts.agents);
        if (agents !== undefined && (!Number.isInteger(agents) || agents < 1))
          throw new UsageError(`--agents ${opts.agents}: expected a whole number ≥ 1`);
        const repo = opts.repo ?? ".";
        const githubRepo = githubRepoFrom(opts);
        const access = githubRepo && accessOnce(ctx, githubRepo);
        let reconciled: Reconciled | undefined;
        const team = await planTeamForDir(
          { ...ctx },
          { dir: repo, template: opts.template, roles: opts.roles, plan: opts.plan },
        );
        const result = await withProgress(ctx, { json: opts.json }, (progress) =>
          stackUp(
            {
              repo: resolve(ctx.cwd, repo),
              name: opts.name,
              backlog: opts.backlog,
              agents,
              agent: agent.data,
              base: opts.base,
              redis: opts.redis,
              remote: opts.remote,
              team,
              rolesGiven: opts.roles !== undefined,
              skipInvalid: opts.skipInvalid,
              githubRepo: githubRepo && repoFullName(githubRepo),
              beforeLaunch: access && reconcileFirst(ctx, githubRepo, access, (r) => (reconciled = r)),
              pushToken: access && (async () => (await access()).token()),
              requeue: opts.requeue,
              onStep: stackUpSteps(progress, githubRepo !== undefined),
            },
            ctx.env,
            ctx.log,
          ),
        );
        emit(
          ctx,
          {
            ...result.record,
            attach: result.attach.join(" "),
            redis: result.redis,
            notes: result.notes,
            ...(reconciled ? { reconciled } : {}),
          },
          {
            json: opts.json,
            human: (r) =>
              [
                ...(r.reconciled
                  ? [
                      `${r.repoSlug}: ${r.reconciled.prps} open PRP(s) reconciled, queued: ${r.reconciled.queued.map((n) => `#${n}`).join(", ") || "none"}`,
                    ]
                  : []),
                `stack ${r.name} is running: ${r.agents} agent(s) for ${r.roles.join(", ")} (${r.agent})`,
                `state: ${r.redis}`,
                ...r.notes,
                `attach with: ${r.attach}`,
              ].join("\n"),
          },
        );
        if (opts.attach) attach(result.attach);
        return 0;
      }),
    );
}
