// Benchmarks the GitHub port against the local sandbox: a repeated issue read with ETag (304 from cache)
// against the same read with plain Octokit (no plugins, no cache), and an issue create. Prints JSON only.
import { Octokit } from "@octokit/rest";
import { createGitHubPort } from "../src/github/index.js";
import { silentLogger } from "../src/observe/logger.js";
import { startSandbox } from "../src/sandbox/index.js";
import { compare, summarize, time, type BenchResult } from "./stats.js";

export async function run(n = 200): Promise<BenchResult[]> {
  const sandbox = await startSandbox();
  try {
    const info = sandbox.info();
    const token = info.users[0]?.token ?? "";
    const repo = { owner: "sandbox-admin", repo: "demo" };
    const port = createGitHubPort({
      auth: { type: "token", token },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    const plain = new Octokit({ auth: token, baseUrl: info.api_url });
    const issue = await port.createIssue(repo, { title: "bench" });
    const plainRead = summarize(
      "plain @octokit/rest issues.get (no throttling/retry plugins, no ETag)",
      await time(() => plain.rest.issues.get({ ...repo, issue_number: issue.number }), n, 5),
    );
    const etagRead = summarize(
      "github.port.getIssue (ETag, 304 from cache)",
      await time(() => port.getIssue(repo, issue.number), n, 5),
    );
    const create = summarize(
      "github.port.createIssue (sandbox)",
      await time(() => port.createIssue(repo, { title: "bench", body: "b" }), n, 5),
    );
    const plainCreate = summarize(
      "plain @octokit/rest issues.create (no plugins)",
      await time(() => plain.rest.issues.create({ ...repo, title: "bench", body: "b" }), n, 5),
    );
    return [
      { ...compare(etagRead, plainRead), not_modified: port.notModifiedCount(), requests: n },
      compare(create, plainCreate),
    ];
  } finally {
    await sandbox.close();
  }
}
