// `lanes doctor`: checks that the tools a runner host needs are installed, and says what to install;
// then the environment: GitHub credentials, Redis, the claude login, git 2.38+ and git's merge-tree --stdin.
import { execFile } from "node:child_process";
import type { Command } from "commander";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { checkClaudeLogin } from "../doctor/check-claude-login.js";
import { checkGitMergeTree, checkGitVersion } from "../doctor/check-git-features.js";
import { checkGithubCredentials } from "../doctor/check-github-credentials.js";
import { checkRedis } from "../doctor/check-redis.js";
import { checkRunnerLabels } from "../doctor/check-runner-labels.js";
import { githubAccessFromEnv, hasAppCredentials, type RepoRef } from "../../github/index.js";
import type { DoctorCheck } from "../doctor/doctor-check.js";
import { renderTable } from "../table.js";

interface ToolCheck {
  tool: string;
  required: boolean;
  ok: boolean;
  version: string | null;
  hint: string;
}

const TOOLS: readonly { tool: string; args: string[]; required: boolean; hint: string }[] = [
  { tool: "git", args: ["--version"], required: true, hint: "install git (scripts/bootstrap does)" },
  { tool: "tmux", args: ["-V"], required: true, hint: "install tmux (scripts/bootstrap does)" },
  {
    tool: "redis-server",
    args: ["--version"],
    required: true,
    hint: "install redis-server, or point REDIS_URL at a Redis",
  },
  {
    tool: "claude",
    args: ["--version"],
    required: false,
    hint: "install Claude Code (npm i -g @anthropic-ai/claude-code) to run real agents; the script agent works without it",
  },
];

function probe(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(tool, args, { env, timeout: 5_000 }, (error, stdout) => {
      resolve(error ? null : (stdout.trim().split("\n")[0] ?? ""));
    });
  });
}

export async function runDoctor(env: NodeJS.ProcessEnv): Promise<ToolCheck[]> {
  return Promise.all(
    TOOLS.map(async ({ tool, args, required, hint }) => {
      const version = await probe(tool, args, env);
      return { tool, required, ok: version !== null, version, hint };
    }),
  );
}

/** Environment checks; a warning is worth reading, never a failure on its own. */
export async function runEnvironmentChecks(
  ctx: CliDeps,
  options: { runnerDir?: string | undefined } = {},
): Promise<DoctorCheck[]> {
  const credentials = hasAppCredentials(ctx.env) || Boolean(ctx.env.GITHUB_TOKEN?.trim());
  const runners = async (repo: RepoRef) => {
    const access = await githubAccessFromEnv(ctx.env, ctx.log, repo);
    if (!access) throw new Error("no GitHub credentials");
    return access.port.listRunners(repo);
  };
  return [
    checkGithubCredentials(ctx.env),
    await checkRedis(ctx.env, ctx.log),
    await checkClaudeLogin(ctx.env),
    await checkGitVersion(ctx.env),
    await checkGitMergeTree(ctx.env),
    await checkRunnerLabels(ctx.env, {
      runnerDir: options.runnerDir,
      runners: credentials ? runners : undefined,
    }),
  ];
}

function render(checks: ToolCheck[], environment: DoctorCheck[]): string {
  return renderTable(
    [
      ...checks.map((c) => [
        c.ok ? "ok" : c.required ? "MISSING" : "absent",
        c.tool,
        (c.ok ? c.version : c.hint) ?? "",
      ]),
      ...environment.map((c) => [
        c.status === "ok" ? "ok" : c.status === "warn" ? "warn" : "FAIL",
        c.name,
        c.detail,
      ]),
    ],
    { gap: 1 },
  );
}

export function registerDoctor(program: Command, ctx: CliDeps): void {
  program
    .command("doctor")
    .description(
      "check that git, tmux, redis-server (and optionally claude) are installed, and the GitHub credentials, Redis, claude login, git features and the runner's labels",
    )
    .option(
      "--runner-dir <dir>",
      "a self-hosted runner's directory (its .runner file names it): report its labels",
    )
    .option("--json", "print the checks as JSON")
    .action(
      action(ctx, async (opts: { json?: boolean; runnerDir?: string }) => {
        const [checks, environment] = await Promise.all([
          runDoctor(ctx.env),
          runEnvironmentChecks(ctx, { runnerDir: opts.runnerDir }),
        ]);
        const ok = checks.every((c) => c.ok || !c.required) && environment.every((c) => c.status !== "fail");
        emit(
          ctx,
          { ok, checks, environment },
          { json: opts.json, human: (v) => render(v.checks, v.environment) },
        );
        return ok ? 0 : 1;
      }),
    );
}
