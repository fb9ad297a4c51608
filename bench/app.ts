// The App end to end on loopback: the sandbox sends signed webhooks to an in-process `lanes serve` with a real
// redis-server. Measures the delay from a `prp` label webhook to `lanes:queued` (the delivery is answered
// after the handler ran), and from the port's request counter the REST calls of one PRP label→queued and of an
// ignored event. Baseline: the same webhook round trip for a label Lanes ignores. Prints JSON only.
import { performance } from "node:perf_hooks";
import { createGitHubPort, type GitHubPort } from "../src/github/index.js";
import { silentLogger } from "../src/observe/logger.js";
import { startServe } from "../src/app/index.js";
import { startSandbox } from "../src/sandbox/index.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { compare, median, summarize, type BenchResult } from "./stats.js";

const PRPS = 40;
const WARMUP = 3;
const BODY =
  "---\nrole: developer\npriority: high\n---\n# Add a limit\n## Goal\nLimit.\n## Success Criteria\n- [ ] 429\n";

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [op, n] of Object.entries(after)) if (n - (before[op] ?? 0) > 0) out[op] = n - (before[op] ?? 0);
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const redis = await startRedisServer();
  const sandbox = await startSandbox({
    webhookUrl: null,
    repos: [{ owner: "sandbox-admin", name: "bench-app" }],
  });
  let appPort: GitHubPort | undefined;
  const serve = await startServe(
    { ...sandbox.info().env, REDIS_URL: redis.url, PORT: "0", HOST: "127.0.0.1" },
    {
      log: silentLogger(),
      portFor: (installationId, config, metrics) =>
        (appPort = createGitHubPort({
          auth: { type: "app", appId: config.appId, privateKey: config.privateKey, installationId },
          baseUrl: config.githubApiUrl,
          log: silentLogger(),
          registry: metrics.registry,
          pacing: "none",
        })),
    },
  );
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
    const repo = { owner: "sandbox-admin", repo: "bench-app" };
    await user.ensureLabels(repo, [
      { name: "prp", color: "1d76db", description: "PRP" },
      { name: "bug", color: "d73a4a", description: "bug" },
    ]);
    const counts = () => appPort?.requestCounts() ?? {};
    const queued: number[] = [];
    const ignored: number[] = [];
    const perPrp: number[] = [];
    const perIgnored: number[] = [];
    let lastPrp: Record<string, number> = {};
    for (let i = 0; i < PRPS + WARMUP; i += 1) {
      const issue = await user.createIssue(repo, { title: `PRP ${i}`, body: BODY });
      await sandbox.idle();
      let before = counts();
      let start = performance.now();
      await user.addLabels(repo, issue.number, ["bug"]);
      await sandbox.idle();
      const ignoredMs = performance.now() - start;
      const ignoredCalls = total(diff(counts(), before));
      before = counts();
      start = performance.now();
      await user.addLabels(repo, issue.number, ["prp"]);
      // the delivery is answered once the handler has labelled the issue lanes:queued
      await sandbox.idle();
      const queuedMs = performance.now() - start;
      const calls = diff(counts(), before);
      const labels = (await user.getIssue(repo, issue.number)).labels;
      if (!labels.includes("lanes:queued"))
        throw new Error(`issue #${issue.number} was not queued: ${labels.join(", ")}`);
      if (i < WARMUP) continue;
      queued.push(queuedMs);
      ignored.push(ignoredMs);
      perPrp.push(total(calls));
      perIgnored.push(ignoredCalls);
      lastPrp = calls;
    }
    return [
      {
        ...compare(
          summarize(
            "app: prp label webhook -> lanes:queued (signed webhook, handler, labels, status comment, enqueue)",
            queued,
          ),
          summarize("the same webhook round trip for a label Lanes ignores", ignored),
        ),
        rest_calls_label_to_queued: median(perPrp),
        rest_calls_label_to_queued_by_operation: lastPrp,
        rest_calls_ignored_event: Math.max(...perIgnored),
      },
    ];
  } finally {
    await serve.stop();
    await sandbox.close();
    await redis.destroy();
  }
}
