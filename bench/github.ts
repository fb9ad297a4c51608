// Benchmarks the GitHub port against the local sandbox: a repeated issue read with ETag (304 from cache)
// against the same read with plain Octokit, and an issue create. Prints JSON only.
import { Octokit } from "@octokit/rest";
import { createGitHubPort } from "../src/github/index.js";
import { silentLogger } from "../src/observe/logger.js";
import { startSandbox } from "../src/sandbox/index.js";

export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  baseline?: { name: string; median_ms: number };
  ratio?: number;
  [extra: string]: unknown;
}

async function measure(n: number, run: () => Promise<unknown>): Promise<{ median_ms: number; p95_ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3));
  return { median_ms: at(0.5), p95_ms: at(0.95) };
}

export async function run(n = 200): Promise<BenchResult[]> {
  const sandbox = await startSandbox();
  try {
    const info = sandbox.info();
    const token = info.users[0]?.token ?? "";
    const repo = { owner: "sandbox-admin", repo: "demo" };
    const port = createGitHubPort({ auth: { type: "token", token }, baseUrl: info.api_url, log: silentLogger(), pacing: "none" });
    const plain = new Octokit({ auth: token, baseUrl: info.api_url });
    const issue = await port.createIssue(repo, { title: "bench" });
    const plainRead = await measure(n, () => plain.rest.issues.get({ ...repo, issue_number: issue.number }));
    const etagRead = await measure(n, () => port.getIssue(repo, issue.number));
    const create = await measure(n, () => port.createIssue(repo, { title: "bench", body: "b" }));
    return [
      { name: "github.port.getIssue (ETag, 304)", n, ...etagRead, baseline: { name: "plain @octokit/rest issues.get (no throttling/retry plugins, no ETag)", median_ms: plainRead.median_ms },
        ratio: Number((etagRead.median_ms / plainRead.median_ms).toFixed(3)), not_modified: port.notModifiedCount() },
      { name: "github.port.createIssue (sandbox)", n, ...create },
    ];
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1]?.endsWith("bench/github.ts")) process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
