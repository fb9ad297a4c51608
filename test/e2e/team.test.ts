// Team coordination end to end: the sandbox sends its signed webhooks to `lanes serve` (in process), which
// keeps state in a real redis-server. Owners of touched paths are asked to review lane PRs; a merged
// integration PR dispatches the deploy workflow, whose run the test completes, and the result is reported.
import { randomUUID } from "node:crypto";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { settle, startSandboxApp, type SandboxApp } from "../support/sandbox-app.js";

const OWNER = "sandbox-admin";

describe("team coordination end to end (sandbox webhooks → lanes serve → Redis)", () => {
  const name = `team-${randomUUID().slice(0, 8)}`;
  const repo = { owner: OWNER, repo: name };
  const fullName = `${OWNER}/${name}`;
  let app: SandboxApp;
  let sandbox: Sandbox;
  let user: Octokit;
  let clone: TestRepo;

  beforeAll(async () => {
    app = await startSandboxApp({ repos: [{ owner: OWNER, name }] });
    sandbox = app.sandbox;
    const info = sandbox.info();
    user = app.as(OWNER);
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", "main", "origin/main");
    await clone.commit("lanes.yml: owners and the deploy workflow", {
      ".github/lanes.yml": [
        "owners:",
        '  "infra/**": ["@sandbox-maintainer"]',
        "deploy:",
        "  workflow: deploy.yml",
        "  inputs: { environment: staging }",
      ].join("\n"),
      // GitHub refuses a dispatch whose inputs the workflow does not declare (so does the sandbox)
      ".github/workflows/deploy.yml":
        "on:\n  workflow_dispatch:\n    inputs:\n      environment: { required: false }\njobs: {}\n",
    });
    await clone.git("push", "-q", "origin", "HEAD:refs/heads/main");
    await settle(sandbox);
  }, 60_000);
  afterAll(async () => {
    await clone?.remove();
    await app?.stop();
  });

  const sandboxRepo = () => {
    const found = sandbox.state.repos.get(fullName);
    if (!found) throw new Error(`no sandbox repo ${fullName}`);
    return found;
  };

  async function branchPr(branch: string, files: Record<string, string>, body: string) {
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-B", branch, "origin/main");
    await clone.commit(branch, files);
    await clone.git("push", "-q", "-f", "origin", `HEAD:refs/heads/${branch}`);
    const { data } = await user.rest.pulls.create({
      ...repo,
      head: branch,
      base: "main",
      title: branch,
      body,
    });
    await settle(sandbox);
    return data.number;
  }

  it("a lane PR touching infra/ requests the owner's review, named in the PRP's status comment", async () => {
    const body = "---\nrole: developer\npaths: infra/**\n---\n# Cache\n\n## Goal\nA cache.\n";
    const { data: issue } = await user.rest.issues.create({ ...repo, title: "Cache", body, labels: ["prp"] });
    await settle(sandbox);
    const pr = await branchPr(
      `lanes/developer/${issue.number}-cache`,
      { "infra/cache.tf": "resource {}\n", "src/cache.ts": "export {};\n" },
      `Closes #${issue.number}`,
    );
    expect(sandboxRepo().pulls.get(pr)?.requestedReviewers).toEqual(["sandbox-maintainer"]);
    const status = [...sandboxRepo().comments.values()].find(
      (c) => c.issueNumber === issue.number && c.body.startsWith("<!-- lanes:status -->"),
    );
    expect(status?.body).toContain("| Required reviewers | @sandbox-maintainer |");
  });

  it("a lane PR touching no owned path requests no review", async () => {
    const { data: issue } = await user.rest.issues.create({
      ...repo,
      title: "Docs",
      body: "---\nrole: developer\n---\n# Docs\n\n## Goal\nDocs.\n",
      labels: ["prp"],
    });
    await settle(sandbox);
    const pr = await branchPr(`lanes/developer/${issue.number}-docs`, { "docs/x.md": "x\n" }, "");
    expect(sandboxRepo().pulls.get(pr)?.requestedReviewers).toEqual([]);
  });

  it("merging an integration PR dispatches the deploy workflow and reports its run on the PR", async () => {
    const pr = await branchPr(
      "lanes/integration/2026-12-01",
      { "src/orders.ts": "export {};\n" },
      "Integration",
    );
    await user.rest.pulls.merge({ ...repo, pull_number: pr });
    await settle(sandbox);
    expect(sandboxRepo().workflowDispatches).toEqual([
      {
        workflow: ".github/workflows/deploy.yml",
        ref: "refs/heads/main",
        inputs: { environment: "staging" },
      },
    ]);
    const [run] = [...sandboxRepo().workflowRuns.values()];
    expect(run?.status).toBe("queued");
    sandbox.completeWorkflowRun(fullName, run?.id ?? 0, "success");
    await settle(sandbox);
    const comments = [...sandboxRepo().comments.values()]
      .filter((c) => c.issueNumber === pr)
      .map((c) => c.body);
    expect(comments[0]).toContain("dispatched the deploy workflow `deploy.yml` on `main`");
    expect(comments[1]).toMatch(/^✅ Deploy `deploy.yml` run \[#1\]\(.+\) finished: \*\*success\*\*\.$/);
    // a second report of the same run (a redelivery, another replica) adds nothing
    sandbox.completeWorkflowRun(fullName, run?.id ?? 0, "success");
    await settle(sandbox);
    expect([...sandboxRepo().comments.values()].filter((c) => c.issueNumber === pr)).toHaveLength(2);
  });
});
