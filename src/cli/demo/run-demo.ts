// `lanes demo`: the lifecycle end to end on this machine, offline. A local GitHub (the sandbox) holds the
// project and its PRPs as issues; a stack of script agents builds each PRP in its own lane and opens a
// PR; every PR is gated with check runs; the PM step integrates the lanes that passed and opens the
// integration PR. Each step runs the real `lanes` command a user or workflow would run.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { DEFAULT_CONFIG_FILE, detectProjectDir, loadConfig, resolveTeam } from "../../config/index.js";
import { runGit } from "../../git/index.js";
import { createGitHubPort } from "../../github/index.js";
import type { Logger } from "../../observe/logger.js";
import { DEFAULT_USERS, sandboxInstallationToken, startSandbox } from "../../sandbox/index.js";
import { startLocalRedis } from "../../state/index.js";
import { childJson, runLanesChild } from "./child-cli.js";
import { gatePullRequest } from "./demo-gates.js";
import type { IngestedPrp } from "../ingest/apply-ingest.js";
import { readBacklogPrps } from "../ingest/read-backlog-prps.js";
import type { DemoLane, DemoReport } from "./demo-report.js";
import { startDemoStack, stopDemoStack, waitForLanes } from "./demo-stack.js";

export interface DemoOptions {
  project: string;
  backlog: string;
  keep: boolean;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  log: Logger;
  progress: (line: string) => void;
}

const OWNER = "sandbox-admin";
const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Demo",
  GIT_AUTHOR_EMAIL: "demo@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Demo",
  GIT_COMMITTER_EMAIL: "demo@lanes.invalid",
};

async function projectFiles(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = join(entry.parentPath, entry.name);
    files[relative(dir, full)] = await readFile(full, "utf8");
  }
  return files;
}

async function planBacklog(options: DemoOptions) {
  const { report } = await readBacklogPrps(options.backlog);
  const configText = await readFile(join(options.project, DEFAULT_CONFIG_FILE), "utf8").catch(() => "");
  const config = loadConfig(configText, { file: DEFAULT_CONFIG_FILE });
  const team = resolveTeam({ detection: await detectProjectDir(options.project), config });
  return { report, team, config };
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const started = Date.now();
  const say = options.progress;
  const { report: lint, team, config } = await planBacklog(options);
  say(
    `plan: ${lint.files.length} PRPs, build order ${lint.graph.order.join(" → ")}; ready now: ${lint.ready.join(", ") || "none"}`,
  );
  say(`team: ${team.template} on plan ${team.plan}: ${team.roles.map((r) => r.role).join(", ")}`);

  const ws = await mkdtemp(join(tmpdir(), "lanes-demo-"));
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await mkdir(join(ws, "redis"));
    const redis = await startLocalRedis({ dir: join(ws, "redis"), appendonly: true });
    cleanups.push(() => redis.stop());
    say(`redis: a private redis-server at ${redis.url} (AOF on) holds the queues and leases`);

    const sandbox = await startSandbox({
      users: DEFAULT_USERS,
      repos: [{ owner: OWNER, name: "taskboard", files: await projectFiles(options.project) }],
      log: options.log,
    });
    cleanups.push(() => sandbox.close());
    const info = sandbox.info();
    const fullName = `${OWNER}/taskboard`;
    const repo = { owner: OWNER, repo: "taskboard" };
    const cloneUrl = info.repos.find((r) => r.full_name === fullName)?.clone_url as string;
    const adminToken = info.users.find((u) => u.login === OWNER)?.token as string;
    const github = createGitHubPort({
      auth: { type: "token", token: adminToken },
      baseUrl: info.api_url,
      log: options.log,
      pacing: "none",
    });
    say(
      `github: a local GitHub at ${info.api_url} with ${fullName} (bare git repo, App installed, webhooks signed)`,
    );

    const gitEnv = { ...options.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: "1" };
    const work = join(ws, "taskboard");
    await runGit(["clone", "-q", cloneUrl, work], { cwd: ws, env: gitEnv });
    const ingest = await runLanesChild(
      ["ingest", options.backlog, "--github-repo", fullName, "--out", join(ws, "backlog"), "--json"],
      {
        env: { ...gitEnv, GITHUB_TOKEN: adminToken, GITHUB_API_URL: info.api_url },
        cwd: ws,
      },
    );
    const ingested = childJson<{ issues: IngestedPrp[] }>("lanes ingest", ingest).issues.map((p) => ({
      ...p,
      role: p.role ?? config.default_role,
    }));
    say(`issues: filed ${ingested.map((p) => `#${p.issue} ${p.title}`).join("; ")} (label prp)`);

    const stackEnv: NodeJS.ProcessEnv = {
      ...gitEnv,
      LANES_HOME: join(ws, "home"),
      LANES_WORKTREE_ROOT: join(ws, "worktrees"),
      LANES_TICK_MS: "500",
      GITHUB_TOKEN: adminToken,
      GITHUB_REPOSITORY: fullName,
      GITHUB_API_URL: info.api_url,
      LANES_LOG_LEVEL: "info",
    };
    const name = `demo-${process.pid}`;
    cleanups.push(() => stopDemoStack(name, work, stackEnv));
    await startDemoStack({
      name,
      repo: work,
      backlog: join(ws, "backlog"),
      redisUrl: redis.url,
      env: stackEnv,
    });
    say(
      `stack: ${name} is running (tmux -L lanes-${name}): status, supervisor, logs and one window per agent`,
    );
    const lanes = await waitForLanes(stackEnv, name, ingested.length, options.timeoutMs, (lane) =>
      say(
        `  lane #${lane.issue} ${lane.role}: ${lane.state}${lane.state === "done" ? ` → ${lane.branch}` : ""}`,
      ),
    );

    const checkout = join(ws, "ci");
    await runGit(["clone", "-q", cloneUrl, checkout], { cwd: ws, env: gitEnv });
    const appEnv = {
      ...gitEnv,
      GITHUB_TOKEN: await sandboxInstallationToken(info),
      GITHUB_API_URL: info.api_url,
    };
    const pulls = await github.listPulls(repo, { state: "open" });
    const rows: DemoLane[] = [];
    for (const prp of ingested) {
      const lane = lanes.find((l) => Number(l.issue) === prp.issue);
      const pull = lane ? pulls.find((p) => p.head.ref === lane.branch) : undefined;
      const gated = pull
        ? await gatePullRequest(checkout, pull, { fullName, base: "origin/main", env: appEnv })
        : undefined;
      if (pull && gated)
        say(
          `gates: PR #${pull.number} (#${prp.issue}) ${gated.gates.map((g) => `${g.gate.replace("lanes/", "")} ${g.conclusion}`).join(", ")}`,
        );
      // lanes/integration waits for dependencies to merge, which the integration below does: it does not hold a lane back here.
      const blocking =
        gated?.gates.filter(
          (g) => g.mode === "required" && g.conclusion === "failure" && g.gate !== "lanes/integration",
        ) ?? [];
      rows.push({
        issue: prp.issue,
        title: prp.title,
        role: prp.role,
        branch: lane?.branch ?? null,
        state: lane?.state ?? "not started",
        pr: pull ? { number: pull.number, url: pull.htmlUrl } : null,
        gates: gated?.gates ?? [],
        gatesPassed: gated !== undefined && blocking.length === 0,
        integration: gated === undefined ? "not built" : blocking.length > 0 ? "excluded" : "skipped",
        note:
          blocking.length > 0
            ? `held back: ${blocking.map((g) => `${g.gate} — ${g.title}`).join("; ")}`
            : lane?.state === "done"
              ? null
              : (lane?.note ?? null),
      });
    }

    const candidates = rows.filter((r) => r.gatesPassed && r.branch);
    let integration: DemoReport["integration"] = null;
    if (candidates.length > 0) {
      await runGit(["fetch", "-q", "origin", "+refs/heads/lanes/*:refs/heads/lanes/*"], {
        cwd: checkout,
        env: gitEnv,
      });
      const run = await runLanesChild(
        [
          "integrate",
          "--repo",
          checkout,
          "--base",
          "origin/main",
          "--branches",
          candidates.map((r) => r.branch).join(","),
          "--backlog",
          join(ws, "backlog"),
          "--open-pr",
          "--github-repo",
          fullName,
          "--json",
        ],
        { env: { ...gitEnv, GITHUB_TOKEN: adminToken, GITHUB_API_URL: info.api_url }, cwd: checkout },
      );
      const result = childJson<{
        branch: string | null;
        commit: string;
        merged: string[];
        conflicts: { branch: string; files: string[] }[];
        culprits: { branch: string; reason: string }[];
        skipped: { branch: string; reason: string }[];
        validation: { command: string; exitCode: number | null }[];
        pr: { url: string } | null;
      }>("lanes integrate", run);
      for (const row of rows) {
        if (!row.branch || !candidates.includes(row)) continue;
        if (result.merged.includes(row.branch)) row.integration = "merged";
        else if (result.conflicts.some((c) => c.branch === row.branch)) row.integration = "conflict";
        else if (result.culprits.some((c) => c.branch === row.branch)) row.integration = "culprit";
        const why = [...result.skipped, ...result.culprits].find((s) => s.branch === row.branch);
        const waited = row.gates.find((g) => g.gate === "lanes/integration" && g.conclusion === "failure");
        if (why) row.note = why.reason;
        else if (waited && row.integration === "merged")
          row.note = `lanes/integration: ${waited.title} — the integration PR brings them in, in order`;
      }
      integration = {
        branch: result.branch,
        commit: result.branch ? result.commit : null,
        pr: result.pr?.url ?? null,
        validation: result.validation.map((v) => ({ command: v.command, ok: v.exitCode === 0 })),
        conflicts: result.conflicts.map((c) => c.branch),
      };
      say(
        `integration: merged ${result.merged.length} lane(s) into ${result.branch ?? "(nothing written)"}; validation ${integration.validation.every((v) => v.ok) ? "passed" : "FAILED"}${integration.pr ? `; PR ${integration.pr}` : ""}`,
      );
    }
    const built = rows.filter((r) => r.state === "done").length;
    return {
      ok:
        built === rows.length &&
        integration !== null &&
        integration.validation.every((v) => v.ok) &&
        integration.branch !== null,
      plan: {
        prps: lint.files.length,
        order: lint.graph.order,
        ready: lint.ready,
        team: team.roles.map((r) => r.role),
        plan: team.plan,
        template: team.template,
      },
      github: { api_url: info.api_url, repo: fullName, issues: ingested.map((p) => p.issue) },
      lanes: rows,
      integration,
      workspace: options.keep ? ws : null,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => options.log.warn({ err: error }, "demo cleanup step failed"));
    if (!options.keep) await rm(ws, { recursive: true, force: true });
  }
}
