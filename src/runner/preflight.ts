// Checks `stack up` runs before any agent starts, so a problem shows in seconds with its cause instead
// of after the agents worked: the base is a branch, the remote accepts a push, every backlog PRP is
// valid, the agent is installed and logged in, a given Redis answers. Reports every problem at once.
import type { Backlog } from "../backlog/read-backlog.js";
import { gitText, runGit } from "../git/run-git.js";
import { withTokenAuth } from "../git/token-auth.js";
import type { AgentAdapter } from "./agents/agent-adapter.js";
import { AgentUnavailableError, PreflightError } from "./errors.js";
import { listRemotes } from "./lane-commit.js";

export interface PreflightInput {
  repo: string;
  base: string;
  /** `--remote`; the first remote when absent. */
  remote?: string | undefined;
  agent: AgentAdapter;
  env: NodeJS.ProcessEnv;
  backlog?: Backlog | undefined;
  /** `--skip-invalid`: run the valid PRPs and name the others instead of refusing the stack. */
  skipInvalid: boolean;
  /** A Redis the user gave: it must answer; a stack's own redis-server is started after the preflight. */
  redis?: { shown: string; ping: () => Promise<void> } | undefined;
  /** The stack's GitHub token (the App's or GITHUB_TOKEN) when it pushes over HTTPS with it. */
  pushToken?: (() => Promise<string>) | undefined;
}

export interface PreflightReport {
  /** The remote lane branches go to, or null when the repository has none (branches stay local). */
  remote: string | null;
  /** What runs in a reduced way, one line each (skipped PRPs, no remote). */
  notes: string[];
}

const lastLines = (text: string) => text.trim().split("\n").slice(-3).join(" | ");

export async function checkBase(repo: string, base: string): Promise<string | null> {
  if (base === "HEAD")
    return "the repository is on a detached HEAD; check out a branch or pass --base <branch>";
  const found = await runGit(["show-ref", "--verify", "--quiet", `refs/heads/${base}`], {
    cwd: repo,
    okExitCodes: [1, 128],
  });
  return found.exitCode === 0
    ? null
    : `the base ${base} is not a local branch; lanes start from a branch (pass --base <branch>)`;
}

/** A dry-run push of the base to a lane-like ref: authentication and reachability, nothing written. */
export async function checkPush(
  repo: string,
  remote: string,
  base: string,
  env: NodeJS.ProcessEnv,
  token?: () => Promise<string>,
): Promise<string | null> {
  // the same credentials the lanes' pushes use (lane-commit's pushLaneBranch), in this process only
  const pushEnv = token
    ? withTokenAuth(
        env,
        await gitText(["remote", "get-url", "--push", remote], { cwd: repo, env }),
        await token(),
      )
    : env;
  const push = await runGit(
    ["push", "--dry-run", "--quiet", remote, `refs/heads/${base}:refs/heads/lanes/preflight-check`],
    { cwd: repo, env: pushEnv, okExitCodes: [1, 128], timeoutMs: 60_000 },
  );
  return push.exitCode === 0
    ? null
    : `the remote ${remote} does not accept a push (git push --dry-run: ${lastLines(push.stderr) || `exit ${push.exitCode}`}); fix its URL or credentials, or pass --remote`;
}

function backlogProblems(input: PreflightInput, notes: string[]): string[] {
  const backlog = input.backlog;
  if (!backlog) return [];
  const problems: string[] = [];
  if (backlog.problems.length > 0) {
    if (input.skipInvalid) {
      notes.push(
        `skipped ${backlog.invalid.size} invalid PRP(s) of ${backlog.dir}:`,
        ...backlog.problems.map((p) => `  ${p}`),
      );
    } else {
      problems.push(
        `the backlog ${backlog.dir} has invalid PRPs (fix them, or pass --skip-invalid to run the others):`,
        ...backlog.problems.map((p) => `  ${p}`),
      );
    }
  }
  if (backlog.prps.every((p) => backlog.invalid.has(p.id)))
    problems.push(`the backlog ${backlog.dir} has no valid PRP to work on`);
  return problems;
}

export async function preflight(input: PreflightInput): Promise<PreflightReport> {
  const notes: string[] = [];
  const problems: string[] = [];
  const base = await checkBase(input.repo, input.base);
  if (base) problems.push(base);
  const remotes = await listRemotes(input.repo);
  const remote = input.remote ?? remotes[0] ?? null;
  if (remote === null) notes.push("the repository has no git remote: lane branches stay local");
  else if (!remotes.includes(remote))
    problems.push(`the repository has no remote named ${remote} (it has: ${remotes.join(", ") || "none"})`);
  else if (!base) {
    const push = await checkPush(input.repo, remote, input.base, input.env, input.pushToken).catch(
      (error: unknown) => `git push --dry-run to ${remote} could not run: ${String(error)}`,
    );
    if (push) problems.push(push);
  }
  problems.push(...backlogProblems(input, notes));
  try {
    await input.agent.check(input.env);
  } catch (error) {
    problems.push(
      error instanceof AgentUnavailableError ? error.message : `the agent check failed: ${String(error)}`,
    );
  }
  if (input.redis) {
    await input.redis.ping().catch((error: unknown) => {
      problems.push(
        `Redis ${input.redis?.shown} does not answer (${error instanceof Error ? error.message : String(error)}); start it, or leave out --redis and REDIS_URL so the stack starts its own`,
      );
    });
  }
  if (problems.length > 0)
    throw new PreflightError(
      `lanes stack up stopped before starting any agent:\n${problems.map((p) => (p.startsWith("  ") ? p : `- ${p}`)).join("\n")}`,
      { context: { repo: input.repo } },
    );
  return { remote, notes };
}
