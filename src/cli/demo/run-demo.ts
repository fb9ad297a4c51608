// `lanes demo`: the lifecycle end to end on this machine, offline. A local GitHub (the sandbox) holds the
// project and its PRPs as issues, and sends its signed webhooks to `lanes serve`, the App, which labels,
// queues, comments and unblocks; a stack of script agents builds each queued PRP in its own lane and
// opens a PR; every PR is gated with check runs; the PM step integrates the lanes that passed and a
// maintainer merges the integration PR, which merges their lane PRs — and the App queues what they
// unblocked, wave after wave. Each step runs the real `lanes` command a user or workflow would run.
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
import type { IngestedPrp } from "../ingest/apply-ingest.js";
import type { LaneRecord } from "../../runner/lane-record.js";
import { readBacklogPrps } from "../ingest/read-backlog-prps.js";
import { startDemoApp } from "./demo-app.js";
import { recordOnBoard } from "./demo-board.js";
import { describeStates, labelCount, settle, viewIssue } from "./demo-github.js";
import type { DemoIntegration, DemoLane, DemoReport } from "./demo-report.js";
import { gateWave, integrateWave, type WaveSetup } from "./demo-wave.js";
import { startDemoStack, stopDemoStack, waitForLanes } from "./demo-stack.js";
import { tracked, type Progress } from "../progress/progress.js";

export interface DemoOptions {
  project: string;
  backlog: string;
  keep: boolean;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Each step as it runs (a live view on a terminal) and the lines the demo prints as it goes. */
  progress: Progress;
}

const OWNER = "sandbox-admin";
const PICKED_UP = new Set(["queued", "active", "waiting", "paused", "review", "needs-human"]);
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

/** A lane under its wave in the live view: running while it works, done or failed when it settles. */
function showLane(progress: Progress, wave: string, lane: LaneRecord): void {
  const key = `lane-${lane.id}`;
  const label = `lane #${lane.issue} ${lane.role}`;
  if (lane.state === "done") progress.finish(key, "done", lane.branch);
  else if (lane.state === "failed" || lane.state === "blocked") progress.finish(key, "failed", lane.state);
  else progress.start(key, label, { parent: wave, note: lane.state });
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const startedAt = Date.now();
  const progress = options.progress;
  const say = (line: string) => progress.log(line);
  const {
    report: lint,
    team,
    config,
  } = await tracked(progress, "plan", "plan the backlog and the team", () => planBacklog(options));
  say(
    `plan: ${lint.files.length} PRPs, build order ${lint.graph.order.join(" → ")}; ready now: ${lint.ready.join(", ") || "none"}`,
  );
  say(`team: ${team.template} on plan ${team.plan}: ${team.roles.map((r) => r.role).join(", ")}`);

  const ws = await mkdtemp(join(tmpdir(), "lanes-demo-"));
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await mkdir(join(ws, "redis"));
    const redis = await tracked(progress, "redis", "start a private redis-server", () =>
      startLocalRedis({ dir: join(ws, "redis"), appendonly: true }),
    );
    cleanups.push(() => redis.stop());
    say(`redis: a private redis-server at ${redis.url} (AOF on) holds the queues and leases`);

    const sandbox = await tracked(progress, "github", "start the local GitHub", async () =>
      startSandbox({
        users: DEFAULT_USERS,
        repos: [{ owner: OWNER, name: "taskboard", files: await projectFiles(options.project) }],
        log: options.log,
      }),
    );
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
    progress.start("app", "start lanes serve (the App) and install it");
    const app = await startDemoApp({ env: gitEnv, cwd: ws, settings: info.env, redisUrl: redis.url });
    cleanups.push(() => app.stop());
    sandbox.setWebhookUrl(app.webhookUrl);
    sandbox.installApp();
    await settle(sandbox);
    progress.finish("app", "done", app.url);
    say(
      `app: lanes serve at ${app.url} receives the sandbox's signed webhooks; installation.created → ${labelCount(sandbox, fullName)} labels on ${fullName}`,
    );
    say(`dashboard: ${app.url}/dashboard/ shows the lanes, queues and lane logs live while the demo runs`);

    const work = join(ws, "taskboard");
    await runGit(["clone", "-q", cloneUrl, work], { cwd: ws, env: gitEnv });
    const userEnv = { ...gitEnv, GITHUB_TOKEN: adminToken, GITHUB_API_URL: info.api_url };
    progress.start("ingest", "file the backlog as issues (lanes ingest)");
    const ingest = await runLanesChild(
      ["ingest", options.backlog, "--github-repo", fullName, "--out", join(ws, "backlog"), "--json"],
      { env: userEnv, cwd: ws },
    );
    const ingested = childJson<{ issues: IngestedPrp[] }>("lanes ingest", ingest).issues.map((p) => ({
      issue: p.issue,
      title: p.title,
      role: p.role ?? config.default_role,
    }));
    const numbers = ingested.map((p) => p.issue);
    progress.finish("ingest", "done", `${numbers.length} issue(s)`);
    say(`issues: filed ${ingested.map((p) => `#${p.issue} ${p.title}`).join("; ")} (label prp)`);
    await settle(sandbox);
    say(`app: ${describeStates(sandbox, fullName, numbers)}; one status comment each`);

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
    const roles = [...new Set(ingested.map((p) => p.role))];
    await tracked(progress, "stack", "start a stack of script agents (lanes stack up)", () =>
      startDemoStack({ name, repo: work, roles, redisUrl: redis.url, env: stackEnv }),
    );
    say(
      `stack: ${name} is running (tmux -L lanes-${name}) for ${roles.join(", ")}: its supervisor claims the jobs the App queued`,
    );

    const checkout = join(ws, "ci");
    await runGit(["clone", "-q", cloneUrl, checkout], { cwd: ws, env: gitEnv });
    const setup: WaveSetup = {
      github,
      repo,
      fullName,
      checkout,
      backlog: join(ws, "backlog"),
      appEnv: { ...gitEnv, GITHUB_TOKEN: await sandboxInstallationToken(info), GITHUB_API_URL: info.api_url },
      userEnv,
      gitEnv,
      say,
    };
    const rows: DemoLane[] = [];
    const integrations: DemoIntegration[] = [];
    const started = new Set<number>();
    for (let wave = 1; ; wave += 1) {
      // queued by the App (a supervisor may already have claimed it: active, review …)
      const queued = ingested.filter(
        (p) =>
          !started.has(p.issue) && viewIssue(sandbox, fullName, p.issue).states.some((s) => PICKED_UP.has(s)),
      );
      if (queued.length === 0) break;
      for (const p of queued) started.add(p.issue);
      say(`wave ${wave}: ${queued.map((p) => `#${p.issue}`).join(", ")} queued by the App`);
      const waveKey = `wave-${wave}`;
      const lanes = await tracked(
        progress,
        waveKey,
        `wave ${wave}: ${queued.map((p) => `#${p.issue}`).join(", ")}`,
        () =>
          waitForLanes(stackEnv, name, started.size, options.timeoutMs, (lane) => {
            if (!queued.some((p) => p.issue === Number(lane.issue))) return;
            say(
              `  lane #${lane.issue} ${lane.role}: ${lane.state}${lane.state === "done" ? ` → ${lane.branch}` : ""}`,
            );
            showLane(progress, waveKey, lane);
          }),
      );
      const waveRows = await tracked(progress, `gates-${wave}`, `wave ${wave}: gate each PR`, () =>
        gateWave(setup, queued, lanes),
      );
      rows.push(...waveRows);
      const integration = await tracked(
        progress,
        `integrate-${wave}`,
        `wave ${wave}: integrate and merge`,
        () =>
          integrateWave(
            setup,
            waveRows,
            integrations.filter((i) => i.merged).flatMap((i) => i.lanes),
          ),
        (done) =>
          done ? `${done.lanes.length} lane(s)${done.merged ? ", merged" : ""}` : "nothing to integrate",
      );
      if (integration) {
        integrations.push(integration);
        await recordOnBoard(redis.url, fullName, integration, options.log);
      }
      await settle(sandbox);
      say(`app: ${describeStates(sandbox, fullName, numbers)}`);
      if (!integration?.merged) break;
    }
    for (const prp of ingested.filter((p) => !started.has(p.issue)))
      rows.push({
        ...prp,
        branch: null,
        state: "not started",
        label: null,
        statusComments: 0,
        pr: null,
        gates: [],
        gatesPassed: false,
        integration: "not built",
        note: "its dependencies were not merged",
      });
    rows.sort((a, b) => a.issue - b.issue);
    for (const row of rows) {
      const view = viewIssue(sandbox, fullName, row.issue);
      row.label = view.states.join("+") || null;
      row.statusComments = view.statusComments;
    }
    const built = rows.filter((r) => r.state === "done").length;
    const dashboard = await app
      .dashboardView(fullName)
      .catch(() => ({ lanes: 0, lanesWithGates: 0, integrations: 0 }));
    const mergedDone = rows.filter((r) => r.integration === "merged").every((r) => r.label === "done");
    return {
      ok:
        built === rows.length &&
        integrations.length > 0 &&
        integrations.every((i) => i.validation.every((v) => v.ok) && i.branch !== null) &&
        mergedDone,
      plan: {
        prps: lint.files.length,
        order: lint.graph.order,
        ready: lint.ready,
        team: team.roles.map((r) => r.role),
        plan: team.plan,
        template: team.template,
      },
      github: { api_url: info.api_url, repo: fullName, issues: numbers },
      lanes: rows,
      integrations,
      app: {
        url: app.url,
        deliveries: sandbox.deliveries().length,
        dashboard: `${app.url}/dashboard/`,
        dashboardLanes: dashboard.lanes,
        dashboardGates: dashboard.lanesWithGates,
        dashboardIntegrations: dashboard.integrations,
      },
      workspace: options.keep ? ws : null,
      ...(options.keep
        ? {
            reopen: `redis-server --dir ${join(ws, "redis")} --appendonly yes --port ${redis.port} & lanes dashboard --redis ${redis.url}`,
          }
        : {}),
      seconds: (Date.now() - startedAt) / 1000,
    };
  } finally {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => options.log.warn({ err: error }, "demo cleanup step failed"));
    if (!options.keep) await rm(ws, { recursive: true, force: true });
  }
}
