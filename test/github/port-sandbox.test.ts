// Every operation of the GitHub port, against the local sandbox (real HTTP, real git, App auth).
import { readFile } from "node:fs/promises";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitHubPort, type GitHubPort, type RepoRef } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";

describe("the GitHub port against the sandbox", () => {
  let sandbox: Sandbox;
  let port: GitHubPort;
  let registry: Registry;
  let clone: TestRepo;
  const repo: RepoRef = { owner: "sandbox-admin", repo: "demo" };

  beforeAll(async () => {
    sandbox = await startSandbox({
      repos: [
        {
          owner: "sandbox-admin",
          name: "demo",
          files: { "README.md": "# demo\n", ".github/lanes.yml": "plan: pro\n" },
        },
      ],
    });
    const info = sandbox.info();
    registry = new Registry();
    port = createGitHubPort({
      auth: {
        type: "app",
        appId: info.app.id,
        privateKey: await readFile(info.app.private_key_path, "utf8"),
        installationId: info.app.installation_id,
      },
      baseUrl: info.api_url,
      log: silentLogger(),
      registry,
      pacing: "none",
    });
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "lanes/dev/1-x", "origin/main");
  });
  afterAll(async () => {
    await clone.remove();
    await sandbox.close();
  });

  it("ensures labels exist with colours and descriptions, creating or updating only what differs", async () => {
    const wanted = [
      { name: "prp", color: "0e8a16", description: "A spec for an agent" },
      { name: "lanes:queued", color: "fbca04", description: "Waiting" },
    ];
    expect(await port.ensureLabels(repo, wanted)).toEqual({ created: ["prp", "lanes:queued"], updated: [] });
    expect(await port.ensureLabels(repo, wanted)).toEqual({ created: [], updated: [] });
    expect(await port.ensureLabels(repo, [{ ...wanted[0]!, color: "ff0000" }])).toEqual({
      created: [],
      updated: ["prp"],
    });
  });

  it("creates, reads, lists, updates and labels issues", async () => {
    const issue = await port.createIssue(repo, { title: "Spec", body: "body", labels: ["prp"] });
    expect(issue).toMatchObject({
      title: "Spec",
      state: "open",
      labels: ["prp"],
      author: "lanes-sandbox[bot]",
      isPullRequest: false,
    });
    expect(await port.addLabels(repo, issue.number, ["lanes:queued"])).toEqual(["prp", "lanes:queued"]);
    expect(await port.removeLabel(repo, issue.number, "prp")).toBe(true);
    expect(await port.removeLabel(repo, issue.number, "prp")).toBe(false);
    expect((await port.getIssue(repo, issue.number)).labels).toEqual(["lanes:queued"]);
    expect((await port.listIssues(repo, { labels: ["lanes:queued"] })).map((i) => i.number)).toEqual([
      issue.number,
    ]);
    const closed = await port.updateIssue(repo, issue.number, { state: "closed", title: "Spec v2" });
    expect(closed).toMatchObject({ state: "closed", title: "Spec v2" });
  });

  it("answers a repeated issue read from its ETag (304) without losing changes", async () => {
    const issue = await port.createIssue(repo, { title: "cached" });
    const before = port.notModifiedCount();
    await port.getIssue(repo, issue.number);
    expect((await port.getIssue(repo, issue.number)).title).toBe("cached");
    expect(port.notModifiedCount()).toBe(before + 1);
    await port.updateIssue(repo, issue.number, { title: "changed" });
    expect((await port.getIssue(repo, issue.number)).title).toBe("changed");
    expect(port.notModifiedCount()).toBe(before + 1);
  });

  it("comments, edits a comment, lists comments and reacts", async () => {
    const issue = await port.createIssue(repo, { title: "talk" });
    const comment = await port.createComment(repo, issue.number, "hello");
    expect(await port.updateComment(repo, comment.id, "hello again")).toMatchObject({
      id: comment.id,
      body: "hello again",
      authorType: "Bot",
    });
    expect((await port.listComments(repo, issue.number)).map((c) => c.body)).toEqual(["hello again"]);
    await port.reactToIssue(repo, issue.number, "rocket");
    await port.reactToComment(repo, comment.id, "eyes");
    expect(
      sandbox.state.repos
        .get("sandbox-admin/demo")
        ?.reactions.get(`comment:${comment.id}`)
        ?.map((r) => r.content),
    ).toEqual(["eyes"]);
  });

  it("reads collaborator permission levels, keeping maintain and triage", async () => {
    expect(await port.permissionLevel(repo, "sandbox-maintainer")).toBe("maintain");
    expect(await port.permissionLevel(repo, "sandbox-triager")).toBe("triage");
    expect(await port.permissionLevel(repo, "sandbox-stranger")).toBe("none");
  });

  it("reads, lists by prefix, creates and moves branches, and reads the default branch", async () => {
    expect(await port.defaultBranch(repo)).toBe("main");
    const main = await port.branchSha(repo, "main");
    expect(main).toMatch(/^[0-9a-f]{40}$/);
    expect(await port.branchSha(repo, "nope")).toBeNull();
    await port.createBranch(repo, "lanes/integration/2026-01-01", main!);
    expect(await port.branchSha(repo, "lanes/integration/2026-01-01")).toBe(main);
    const next = await clone.commit("work", { "a.txt": "a\n" });
    await clone.git("push", "-q", "origin", `${next}:refs/heads/side`);
    await port.updateBranch(repo, "lanes/integration/2026-01-01", next);
    expect(await port.branchSha(repo, "lanes/integration/2026-01-01")).toBe(next);
    expect(await port.listBranches(repo, "lanes/")).toEqual(
      expect.arrayContaining([{ name: "lanes/integration/2026-01-01", sha: next }]),
    );
    expect((await port.listBranches(repo, "lanes/")).map((b) => b.name)).not.toContain("side");
    expect(await port.listBranches(repo, "nothing/")).toEqual([]);
  });

  it("reads .github/lanes.yml, conditionally, and returns null for a missing file", async () => {
    expect(await port.readFile(repo, ".github/lanes.yml")).toBe("plan: pro\n");
    const before = port.notModifiedCount();
    expect(await port.readFile(repo, ".github/lanes.yml", "main")).toBe("plan: pro\n");
    expect(await port.readFile(repo, ".github/lanes.yml", "main")).toBe("plan: pro\n");
    expect(port.notModifiedCount()).toBe(before + 1);
    expect(await port.readFile(repo, ".github/missing.yml")).toBeNull();
  });

  it("opens, edits, lists, reads, diffs and merges a pull request", async () => {
    const head = await clone.commit("feature", { "src/feature.ts": "export {};\n" });
    await clone.git("push", "-q", "origin", "HEAD:refs/heads/lanes/dev/1-x");
    const pull = await port.createPull(repo, {
      title: "Feature",
      head: "lanes/dev/1-x",
      base: "main",
      body: "Closes #1",
    });
    expect(pull).toMatchObject({ state: "open", merged: false, head: { ref: "lanes/dev/1-x", sha: head } });
    expect((await port.updatePull(repo, pull.number, { title: "Feature!" })).title).toBe("Feature!");
    expect((await port.listPulls(repo, { head: "lanes/dev/1-x" })).map((p) => p.number)).toEqual([
      pull.number,
    ]);
    expect((await port.listPullFiles(repo, pull.number)).map((f) => f.filename).sort()).toEqual([
      "a.txt",
      "src/feature.ts",
    ]);
    const merged = await port.mergePull(repo, pull.number, { sha: head });
    expect(await port.getPull(repo, pull.number)).toMatchObject({
      merged: true,
      state: "closed",
      mergeCommitSha: merged.sha,
    });
    expect(await port.branchSha(repo, "main")).toBe(merged.sha);
  });

  it("creates a check run with 120 annotations in batches of 50, with action buttons, and completes it", async () => {
    const sha = (await port.branchSha(repo, "main"))!;
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: "README.md",
      startLine: 1,
      endLine: 1,
      level: "notice" as const,
      message: `n${i}`,
    }));
    const countsBefore = port.requestCounts();
    const run = await port.createCheckRun(repo, {
      name: "lanes/validation",
      headSha: sha,
      status: "in_progress",
      output: { title: "Validation", summary: "running", annotations },
      actions: [{ label: "Retry", description: "Run the gate again", identifier: "retry" }],
    });
    const counts = port.requestCounts();
    expect(
      (counts["POST /repos/{owner}/{repo}/check-runs"] ?? 0) -
        (countsBefore["POST /repos/{owner}/{repo}/check-runs"] ?? 0),
    ).toBe(1);
    expect(
      (counts["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"] ?? 0) -
        (countsBefore["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"] ?? 0),
    ).toBe(2);
    const stored = sandbox.state.repos.get("sandbox-admin/demo")?.checkRuns.get(run.id);
    expect(stored?.annotations.map((a) => a.message)).toEqual(annotations.map((a) => a.message));
    expect(stored?.actions).toEqual([
      { label: "Retry", description: "Run the gate again", identifier: "retry" },
    ]);
    expect(
      await port.updateCheckRun(repo, run.id, {
        conclusion: "success",
        output: { title: "Validation", summary: "passed" },
      }),
    ).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("dispatches a workflow and returns the run it started", async () => {
    const run = await port.dispatchWorkflow(repo, "lanes-stack.yml", "main", { roles: "developer" });
    expect(sandbox.state.repos.get("sandbox-admin/demo")?.workflowDispatches.at(-1)).toEqual({
      workflow: ".github/workflows/lanes-stack.yml",
      ref: "refs/heads/main",
      inputs: { roles: "developer" },
    });
    expect(run?.htmlUrl).toContain(`/actions/runs/${run?.id}`);
  });

  it("refuses a dispatch as GitHub does: a workflow without the trigger, an undeclared or a missing input", async () => {
    await clone.git("checkout", "-q", "-b", "workflows", "origin/main");
    await clone.commit("workflows", {
      ".github/workflows/push-only.yml": "on: push\njobs: {}\n",
      ".github/workflows/manual.yml":
        "on:\n  workflow_dispatch:\n    inputs:\n      pr: { required: true }\n      dry_run: { type: boolean, default: false }\njobs: {}\n",
    });
    await clone.git("push", "-q", "origin", "workflows");
    await clone.git("checkout", "-q", "lanes/dev/1-x");
    const refused = (workflow: string, inputs: Record<string, string>) =>
      port.dispatchWorkflow(repo, workflow, "workflows", inputs).then(
        () => "started",
        (error: Error) => error.message,
      );
    expect(await refused("push-only.yml", {})).toMatch(
      /HTTP 422: Workflow does not have 'workflow_dispatch' trigger/,
    );
    expect(await refused("manual.yml", { pr: "1", nope: "x" })).toMatch(
      /Unexpected inputs provided: \["nope"\]/,
    );
    expect(await refused("manual.yml", { dry_run: "true" })).toMatch(/Required input 'pr' not provided/);
    expect(await refused("manual.yml", { pr: "1" })).toBe("started");
  });

  it("counts every request per operation, including the installation token exchange, also as a Prometheus counter", async () => {
    const counts = port.requestCounts();
    expect(counts["POST /app/installations/{installation_id}/access_tokens"]).toBe(1);
    expect(counts["GET /repos/{owner}/{repo}/issues/{issue_number}"]).toBeGreaterThan(0);
    const metric = await registry.getSingleMetricAsString("lanes_github_requests_total");
    expect(metric).toContain('lanes_github_requests_total{operation="POST /repos/{owner}/{repo}/issues"}');
  });
});
