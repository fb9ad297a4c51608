// The issue's acceptance script: plain @octokit/rest against the sandbox, a git push, a merge,
// and the matching signed webhooks arriving at a loopback receiver.
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { verify } from "@octokit/webhooks-methods";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { makeRepo } from "../support/git.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

describe("the sandbox, driven by plain @octokit/rest", () => {
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startSandbox({ webhookUrl: receiver.url });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("creates, labels, comments, reacts, pushes a branch, opens a PR, checks it with 120 annotations and merges it", async () => {
    const info = sandbox.info();
    const admin = info.users.find((u) => u.login === "sandbox-admin");
    const [owner = "", repo = ""] = (info.repos[0]?.full_name ?? "").split("/");
    const user = new Octokit({ auth: admin?.token, baseUrl: info.api_url });
    const app = new Octokit({
      authStrategy: createAppAuth,
      auth: {
        appId: info.app.id,
        privateKey: await readFile(info.app.private_key_path, "utf8"),
        installationId: info.app.installation_id,
      },
      baseUrl: info.api_url,
    });

    const issue = await user.rest.issues.create({ owner, repo, title: "Add rate limiting", body: "spec" });
    await user.rest.issues.addLabels({ owner, repo, issue_number: issue.data.number, labels: ["prp"] });
    const comment = await user.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue.data.number,
      body: "/lanes status",
    });
    const reaction = await app.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: comment.data.id,
      content: "eyes",
    });
    expect(reaction.status).toBe(201);

    const clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "lanes/developer/1-rate-limit", "origin/main");
    const head = await clone.commit("limit requests", { "src/limit.ts": "export const limit = 100;\n" });
    await clone.git("push", "-q", "origin", "HEAD");

    const pull = await user.rest.pulls.create({
      owner,
      repo,
      head: "lanes/developer/1-rate-limit",
      base: "main",
      title: "Rate limiting",
      body: "Closes #1",
    });
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: "src/limit.ts",
      start_line: 1,
      end_line: 1,
      annotation_level: "warning" as const,
      message: `note ${i}`,
    }));
    const run = await app.rest.checks.create({
      owner,
      repo,
      name: "lanes/lint",
      head_sha: head,
      status: "in_progress",
      output: { title: "Lint", summary: "120 notes", annotations: annotations.slice(0, 50) },
    });
    await app.rest.checks.update({
      owner,
      repo,
      check_run_id: run.data.id,
      output: { title: "Lint", summary: "120 notes", annotations: annotations.slice(50, 100) },
    });
    await app.rest.checks.update({
      owner,
      repo,
      check_run_id: run.data.id,
      conclusion: "success",
      output: { title: "Lint", summary: "120 notes", annotations: annotations.slice(100) },
    });
    const stored = await app.paginate(app.rest.checks.listAnnotations, {
      owner,
      repo,
      check_run_id: run.data.id,
      per_page: 100,
    });
    expect(stored).toHaveLength(120);

    const merged = await user.rest.pulls.merge({ owner, repo, pull_number: pull.data.number });
    expect(merged.data.merged).toBe(true);
    await clone.git("fetch", "-q", "origin");
    expect(await clone.git("rev-parse", "origin/main")).toBe(merged.data.sha);
    expect(await clone.git("rev-parse", "origin/main^2")).toBe(head);

    await sandbox.idle();
    const seen = receiver.received.map((r) => `${r.event}.${String(r.payload.action ?? "")}`);
    expect(seen).toEqual([
      "issues.opened",
      "issues.labeled",
      "issue_comment.created",
      "push.",
      "pull_request.opened",
      "check_run.created",
      "check_run.completed",
      "push.",
      "pull_request.closed",
      "issues.closed",
    ]);
    for (const r of receiver.received)
      expect(await verify(info.webhook_secret, r.body, r.signature)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.delivery)).size).toBe(receiver.received.length);
    // "Closes #1" in the PR body closed the issue when the PR merged into the default branch
    expect(receiver.received.at(-1)?.payload.issue as { number: number; state: string }).toMatchObject({
      number: 1,
      state: "closed",
    });
    const closed = receiver.received.at(-2)?.payload.pull_request as {
      merged: boolean;
      merge_commit_sha: string;
    };
    expect(closed).toMatchObject({ merged: true, merge_commit_sha: merged.data.sha });
    await clone.remove();
  });

  it("answers an issue without a title, and an unknown field, with 422 naming the field", async () => {
    const info = sandbox.info();
    const token = info.users[0]?.token ?? "";
    const url = `${info.api_url}/repos/${info.repos[0]?.full_name ?? ""}/issues`;
    const post = (body: unknown) =>
      fetch(url, {
        method: "POST",
        headers: { authorization: `token ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    const untitled = await post({ body: "no title" });
    expect(untitled.status).toBe(422);
    expect(await untitled.json()).toMatchObject({
      message: expect.stringContaining('"title" wasn\'t supplied'),
      errors: [{ field: "title", code: "missing_field" }],
    });

    const unknown = await post({ title: "t", priority: "high" });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      message: expect.stringContaining('"priority" is not a permitted key'),
      documentation_url: expect.any(String),
    });
  });
});
