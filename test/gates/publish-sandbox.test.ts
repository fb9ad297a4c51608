// End to end against the local GitHub sandbox: a lane pushed with git, `lanes gate --all --publish`
// writing the check runs with an App installation token, and a Re-run click re-running one gate.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectInput } from "../../src/gates/collect-input.js";
import { publishGate } from "../../src/gates/publish.js";
import { handleCheckRunEvent } from "../../src/gates/rerun.js";
import { defaultGateConfig } from "../../src/gates/gate-config.js";
import { createGitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { parsePrp } from "../../src/prp/index.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { makeTempDir } from "../support/tmp.js";
import { installationToken } from "../sandbox/app-token.js";

const PRP = `---
role: developer
paths: src/**
validation:
  - test -f src/greet.ts
---
# Greeting

## Success Criteria
- [ ] greet returns a greeting for a name
`;

const STUB = `export function greet(name: string): string {
  throw new Error("not implemented");
}
`;

interface CheckRunJson {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; annotations_count: number };
}

describe("lanes gate --all --publish against the sandbox", () => {
  let sandbox: Sandbox;
  let clone: TestRepo;
  let prpDir: { path: string; remove(): Promise<void> };

  beforeEach(async () => {
    sandbox = await startSandbox();
    clone = await makeRepo();
    prpDir = await makeTempDir("lanes-prp");
  });
  afterEach(async () => {
    await sandbox.close();
    await clone.remove();
    await prpDir.remove();
  });

  it("publishes every gate as a check run, annotates the stub, and re-runs lanes/placeholders on a Re-run click", async () => {
    const info = sandbox.info();
    const fullName = info.repos[0]?.full_name ?? "";
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "lanes/developer/1-thing", "origin/main");
    const sha = await clone.commit("Add the greeting", { "src/greet.ts": STUB });
    await clone.git("push", "-q", "origin", "HEAD");
    const prpFile = join(prpDir.path, "prp.md");
    await writeFile(prpFile, PRP);

    const token = await installationToken(sandbox);
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: info.api_url };
    const args = [
      "gate",
      "--all",
      "--publish",
      "--github-repo",
      fullName,
      "--sha",
      sha,
      "--dir",
      clone.dir,
      "--base",
      "origin/main",
      "--prp",
      prpFile,
    ];
    const result = await lanes([...args, "--json"], { env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      conclusion: string;
      published: { repo: string; sha: string };
      gates: { gate: string; conclusion: string; checkRunId: number }[];
    };
    expect(report).toMatchObject({ conclusion: "failure", published: { repo: fullName, sha } });

    // What GitHub now shows, read back through its REST API.
    const api = (path: string) =>
      fetch(`${info.api_url}/repos/${fullName}${path}`, {
        headers: { authorization: `token ${token}` },
      }).then((r) => r.json());
    const runs = await Promise.all(
      report.gates.map((g) => api(`/check-runs/${g.checkRunId}`) as Promise<CheckRunJson>),
    );
    expect(Object.fromEntries(runs.map((r) => [r.name, r.conclusion]))).toEqual({
      "lanes/prp": "success",
      "lanes/placeholders": "failure",
      "lanes/lane": "success",
      "lanes/commits": "success",
      "lanes/validation": "success",
      "lanes/integration": "success",
    });
    for (const run of runs) expect(run).toMatchObject({ head_sha: sha, status: "completed" });
    const placeholders = runs.find((r) => r.name === "lanes/placeholders");
    expect(placeholders?.output.title).toBe("1 placeholder found");
    const annotations = (await api(`/check-runs/${placeholders?.id ?? 0}/annotations`)) as {
      path: string;
      start_line: number;
      annotation_level: string;
    }[];
    expect(annotations).toEqual([
      expect.objectContaining({ path: "src/greet.ts", start_line: 2, annotation_level: "failure" }),
    ]);

    // A maintainer presses the Re-run button; the check_run webhook re-runs that gate on the same commit.
    sandbox.clickCheckRun(fullName, placeholders?.id ?? 0, "rerun");
    await sandbox.idle();
    const click = sandbox
      .deliveries()
      .find((d) => d.event === "check_run" && d.action === "requested_action");
    const port = createGitHubPort({
      auth: { type: "token", token },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    const prp = parsePrp(PRP).prp ?? { title: "", criteria: [] };
    const rerunIds: number[] = [];
    const handled = await handleCheckRunEvent(click?.payload, async (request) => {
      const published = await publishGate({
        port,
        target: { owner: request.owner, repo: request.repo, headSha: request.headSha },
        gate: request.gate,
        config: defaultGateConfig(),
        input: () => collectInput({ dir: clone.dir, base: "origin/main", prp, config: defaultGateConfig() }),
      });
      if (published) rerunIds.push(published.checkRunId);
    });
    expect(handled).toMatchObject({ gate: "placeholders", headSha: sha, checkRunId: placeholders?.id });
    expect(rerunIds).toHaveLength(1);
    const rerun = (await api(`/check-runs/${rerunIds[0] ?? 0}`)) as CheckRunJson;
    expect(rerun).toMatchObject({
      name: "lanes/placeholders",
      head_sha: sha,
      status: "completed",
      conclusion: "failure",
      output: { annotations_count: 1 },
    });
    expect(rerun.id).not.toBe(placeholders?.id);
  });

  it("exits 1 with GitHub's answer when the token may not write check runs", async () => {
    const info = sandbox.info();
    const fullName = info.repos[0]?.full_name ?? "";
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "lanes/developer/1-thing", "origin/main");
    await clone.commit("Add the greeting", {
      "src/greet.ts": "export const greet = (name: string) => `hi ${name}`;\n",
    });
    await clone.git("push", "-q", "origin", "HEAD");
    const userToken = info.users.find((u) => u.login === "sandbox-admin")?.token ?? "";
    const result = await lanes(
      ["gate", "--all", "--publish", "--github-repo", fullName, "--dir", clone.dir, "--base", "origin/main"],
      {
        env: { GITHUB_TOKEN: userToken, GITHUB_API_URL: info.api_url },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "GitHub createCheckRun failed with HTTP 403: You must authenticate via a GitHub App.",
    );
  });
});
