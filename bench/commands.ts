// `/lanes say` end to end on loopback: a maintainer's comment on the sandbox (GitHub) → signed issue_comment
// webhook → in-process `lanes serve` (permission check, reactions, control-stream publish in a real Redis) →
// a supervisor's XREAD BLOCK → paste into a script agent's tmux pane. Measures comment-create → the text
// visible in the pane (tmux capture-pane, polled every 5 ms). Baseline: the same paste done directly
// (`tmux load-buffer` + `paste-buffer`, what `lanes say` on the host does) → visible. Prints JSON only.
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startServe } from "../src/app/index.js";
import { createGitHubPort } from "../src/github/index.js";
import { createLogger, silentLogger } from "../src/observe/logger.js";
import { scriptAgent } from "../src/runner/agents/script-agent.js";
import { listLanes } from "../src/runner/lane-record.js";
import { stackPaths } from "../src/runner/stack-paths.js";
import { Supervisor } from "../src/runner/supervisor.js";
import { Tmux } from "../src/runner/tmux.js";
import { startSandbox } from "../src/sandbox/index.js";
import { openStateStore, repoPrefix } from "../src/state/index.js";
import { gitEnv, makeRepo } from "../test/support/git.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { makeTempDir } from "../test/support/tmp.js";
import { compare, summarize, type BenchResult } from "./stats.js";

const SAYS = 20;
// BENCH_LOG=debug prints the App's and the supervisor's logs to stderr
const log = () => (process.env.BENCH_LOG ? createLogger({ level: process.env.BENCH_LOG }) : silentLogger());
const WARMUP = 3;
const IDENTITY = {
  GIT_AUTHOR_NAME: "Lanes Bench",
  GIT_AUTHOR_EMAIL: "bench@lanes.invalid",
  GIT_COMMITTER_NAME: "Lanes Bench",
  GIT_COMMITTER_EMAIL: "bench@lanes.invalid",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function run(): Promise<BenchResult[]> {
  const redis = await startRedisServer();
  const sandbox = await startSandbox({
    webhookUrl: null,
    repos: [{ owner: "sandbox-admin", name: "bench-cmds" }],
  });
  const serve = await startServe(
    { ...sandbox.info().env, REDIS_URL: redis.url, PORT: "0", HOST: "127.0.0.1" },
    { log: log() },
  );
  const local = await makeRepo();
  await local.commit("init", { "README.md": "# Bench\n" });
  const home = await makeTempDir("lanes-bench-cmds");
  const name = `b${Math.random().toString(36).slice(2, 8)}`;
  const paths = stackPaths({ LANES_HOME: home.path }, name);
  const tmux = new Tmux(paths.socket);
  await tmux.newSession({ session: name, window: "status", cwd: home.path, command: ["sleep", "3600"] });
  const store = await openStateStore({
    url: redis.url,
    prefix: repoPrefix("sandbox-admin/bench-cmds"),
    log: silentLogger(),
    leaseMs: 600_000,
  });
  const supervisor = new Supervisor({
    name,
    hostName: "bench-host",
    roles: ["developer"],
    agents: 1,
    leaseMs: 600_000,
    claimWaitMs: 500,
    store,
    log: log(),
    maxRestarts: 0,
    briefFallbackMs: 60_000,
    hostTimeZone: "UTC",
    host: {
      repo: local.dir,
      base: "main",
      worktreeRoot: join(home.path, "worktrees"),
      session: name,
      tmux,
      paths,
      agent: scriptAgent(),
      roleBrief: (role) => `You are the ${role}.`,
      paneEnv: IDENTITY,
    },
    finish: { repo: local.dir, base: "main", env: gitEnv },
  });
  try {
    sandbox.setWebhookUrl(`${serve.url}/api/github/webhooks`);
    const info = sandbox.info();
    const admin = info.users.find((u) => u.login === "sandbox-admin");
    const user = createGitHubPort({
      auth: { type: "token", token: admin?.token ?? "" },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    const repo = { owner: "sandbox-admin", repo: "bench-cmds" };
    await user.ensureLabels(repo, [{ name: "prp", color: "1d76db", description: "PRP" }]);
    // the agent answers one question per say, so its pane stays open for every sample
    const asks = Array.from({ length: 2 * (SAYS + WARMUP) + 2 }, (_, i) => `  - ask: question ${i}`).join(
      "\n",
    );
    const body = `---\nrole: developer\nagent_script:\n${asks}\n---\n# Bench lane\n## Goal\nAnswer.\n## Success Criteria\n- [ ] answered\n`;
    const issue = await user.createIssue(repo, { title: "Bench lane", body, labels: ["prp"] });
    await sandbox.idle();
    await supervisor.start();
    // the production tick (stack record default); faster ticks pile up in the supervisor's serial queue
    // on a loaded host and delay every command behind them
    const ticker = setInterval(() => void supervisor.tick(), 5_000);
    try {
      const lane = await until(
        async () => (await listLanes(paths.lanes)).find((l) => l.state === "waiting"),
        "the bench lane waiting on its first question",
      );
      const visible = (text: string) =>
        until(async () => ((await tmux.capture(lane.paneId, 50)).includes(text) ? true : undefined), text);
      const viaComment: number[] = [];
      const published: number[] = [];
      const direct: number[] = [];
      for (let i = 0; i < SAYS + WARMUP; i += 1) {
        let start = performance.now();
        // a second reader of the lane's stream marks when the App has published the command
        const landed = store
          .readControl(new Map([[String(issue.number), "$"]]), 120_000)
          .then(() => performance.now() - start);
        await user.createComment(repo, issue.number, `/lanes say via-comment-${i}-x`);
        await visible(`via-comment-${i}-x`);
        const commentMs = performance.now() - start;
        const publishedMs = await landed;
        await sandbox.idle();
        start = performance.now();
        await tmux.sendText(lane.paneId, `direct-${i}-x`);
        await visible(`direct-${i}-x`);
        const directMs = performance.now() - start;
        if (i < WARMUP) continue;
        viaComment.push(commentMs);
        published.push(publishedMs);
        direct.push(directMs);
      }
      return [
        {
          ...compare(
            summarize(
              "commands: /lanes say comment -> text visible in the agent's pane (webhook, permission, reactions, Redis stream, supervisor XREAD, paste)",
              viaComment,
            ),
            summarize(
              "the same text pasted into the pane directly (tmux load-buffer + paste-buffer)",
              direct,
            ),
          ),
          comment_to_control_stream: summarize(
            "comment -> command on the lane's Redis stream (the App's part)",
            published,
          ),
          load_average: loadavg().map((l) => Math.round(l * 10) / 10),
        },
      ];
    } finally {
      clearInterval(ticker);
    }
  } finally {
    await supervisor.stop();
    await store.quit();
    await tmux.killServer();
    await serve.stop();
    await sandbox.close();
    await redis.destroy();
    await local.remove();
    await home.remove();
  }
}
