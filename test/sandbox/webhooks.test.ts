// The sandbox's webhooks: the events GitHub sends for each change, signed, and shaped like
// @octokit/webhooks-examples (same top-level keys; nested objects only use keys GitHub sends).
import { Octokit } from "@octokit/rest";
import { verify } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { makeRepo } from "../support/git.js";
import { installationToken } from "./app-token.js";
import { example, expectShapedLike } from "./webhook-shape.js";
import { startWebhookReceiver, type Received, type WebhookReceiver } from "./webhook-receiver.js";

describe("sandbox webhooks", () => {
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let user: Octokit;
  let app: Octokit;
  const repo = { owner: "sandbox-admin", repo: "demo" };
  const received = async (): Promise<Received[]> => {
    await sandbox.idle();
    return receiver.received;
  };

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startSandbox({ webhookUrl: receiver.url, webhookSecret: "s3cret" });
    const info = sandbox.info();
    user = new Octokit({ auth: info.users[0]?.token, baseUrl: info.api_url });
    app = new Octokit({ auth: await installationToken(sandbox), baseUrl: info.api_url });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("sends issues opened, labeled, unlabeled, edited, closed, reopened and issue_comment created, shaped like GitHub's", async () => {
    const { data: issue } = await user.rest.issues.create({ ...repo, title: "spec" });
    await user.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["prp"] });
    await user.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "prp" });
    await user.rest.issues.update({ ...repo, issue_number: issue.number, title: "spec v2" });
    await user.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed" });
    await user.rest.issues.update({ ...repo, issue_number: issue.number, state: "open" });
    await user.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "/lanes help" });
    const events = await received();
    expect(events.map((e) => `${e.event}.${String(e.payload.action)}`)).toEqual([
      "issues.opened",
      "issues.labeled",
      "issues.unlabeled",
      "issues.edited",
      "issues.closed",
      "issues.reopened",
      "issue_comment.created",
    ]);
    for (const e of events) {
      expectShapedLike(e.payload, example(e.event, String(e.payload.action)), e.event);
      expect(await verify("s3cret", e.body, e.signature)).toBe(true);
    }
    expect(events[3]?.payload.changes).toEqual({ title: { from: "spec" } });
  });

  it("applies labels and assignees given at creation for triage access, sending issues.labeled after opened; drops them for read access", async () => {
    const info = sandbox.info();
    const as = (permission: string) =>
      new Octokit({
        auth: info.users.find((u) => u.permission === permission)?.token,
        baseUrl: info.api_url,
      });
    const { data: triaged } = await as("triage").rest.issues.create({
      ...repo,
      title: "by triage",
      labels: ["prp", "bug"],
      assignees: ["sandbox-admin"],
    });
    const { data: read } = await as("read").rest.issues.create({
      ...repo,
      title: "by reader",
      labels: ["prp"],
      assignees: ["sandbox-admin"],
    });
    expect(triaged.labels.map((l) => (typeof l === "string" ? l : l.name))).toEqual(["prp", "bug"]);
    expect(triaged.assignees?.map((a) => a.login)).toEqual(["sandbox-admin"]);
    expect(read.labels).toEqual([]);
    expect(read.assignees).toEqual([]);
    expect((await user.rest.issues.get({ ...repo, issue_number: read.number })).data.labels).toEqual([]);
    const events = await received();
    expect(
      events.map(
        (e) =>
          `${e.event}.${String(e.payload.action)}.${(e.payload.label as { name?: string } | undefined)?.name ?? ""}`,
      ),
    ).toEqual(["issues.opened.", "issues.labeled.prp", "issues.labeled.bug", "issues.opened."]);
    for (const e of events) expectShapedLike(e.payload, example(e.event, String(e.payload.action)), e.event);
  });

  it("sends push and pull_request synchronize when a PR branch is pushed, and push + closed(merged) on merge", async () => {
    const clone = await makeRepo();
    await clone.git("remote", "add", "origin", sandbox.info().repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "lanes/dev/2-y", "origin/main");
    const first = await clone.commit("one", { "one.txt": "1\n" });
    await clone.git("push", "-q", "origin", "HEAD");
    const { data: pull } = await user.rest.pulls.create({
      ...repo,
      head: "lanes/dev/2-y",
      base: "main",
      title: "y",
    });
    const second = await clone.commit("two", { "two.txt": "2\n" });
    await clone.git("push", "-q", "origin", "HEAD");
    await user.rest.pulls.merge({ ...repo, pull_number: pull.number });
    const events = await received();
    expect(events.map((e) => `${e.event}.${String(e.payload.action ?? "")}`)).toEqual([
      "push.",
      "pull_request.opened",
      "push.",
      "pull_request.synchronize",
      "push.",
      "pull_request.closed",
    ]);
    expect(events[0]?.payload).toMatchObject({
      ref: "refs/heads/lanes/dev/2-y",
      created: true,
      after: first,
    });
    expect(events[3]?.payload).toMatchObject({ before: first, after: second });
    expect(events[5]?.payload.pull_request).toMatchObject({ merged: true, state: "closed" });
    expectShapedLike(events[0]?.payload ?? {}, example("push", undefined), "push");
    for (const i of [1, 3, 5])
      expectShapedLike(
        events[i]?.payload ?? {},
        example("pull_request", String(events[i]?.payload.action)),
        "pull_request",
      );
    await clone.remove();
  });

  it("closes the issues a merged PR's body closes, like GitHub, and sends issues.closed for each", async () => {
    const { data: prp } = await user.rest.issues.create({ ...repo, title: "A PRP" });
    const { data: other } = await user.rest.issues.create({ ...repo, title: "Only mentioned" });
    const clone = await makeRepo();
    await clone.git("remote", "add", "origin", sandbox.info().repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", `lanes/dev/${prp.number}-a`, "origin/main");
    await clone.commit("work", { "a.txt": "a\n" });
    await clone.git("push", "-q", "origin", "HEAD");
    const body = `Closes #${prp.number}\n\nSee also #${other.number}; \`fixes #${other.number}\` in code is not a reference.`;
    const { data: pull } = await user.rest.pulls.create({
      ...repo,
      head: `lanes/dev/${prp.number}-a`,
      base: "main",
      title: "a",
      body,
    });
    await user.rest.pulls.merge({ ...repo, pull_number: pull.number });
    const events = (await received()).filter((e) => e.event === "issues" && e.payload.action === "closed");
    expect(events.map((e) => (e.payload.issue as { number: number }).number)).toEqual([prp.number]);
    expectShapedLike(events[0]?.payload ?? {}, example("issues", "closed"), "issues");
    expect((await user.rest.issues.get({ ...repo, issue_number: prp.number })).data.state).toBe("closed");
    expect((await user.rest.issues.get({ ...repo, issue_number: other.number })).data.state).toBe("open");
    await clone.remove();
  });

  it("sends check_run rerequested and requested_action when a user clicks, and workflow_dispatch", async () => {
    const { data: main } = await user.rest.repos.getBranch({ ...repo, branch: "main" });
    const { data: run } = await app.rest.checks.create({
      ...repo,
      name: "lanes/lane",
      head_sha: main.commit.sha,
      status: "completed",
      conclusion: "failure",
      output: { title: "t", summary: "s" },
      actions: [{ label: "Retry", description: "Run again", identifier: "retry" }],
    });
    sandbox.clickCheckRun("sandbox-admin/demo", run.id, null);
    sandbox.clickCheckRun("sandbox-admin/demo", run.id, "retry");
    expect(() => sandbox.clickCheckRun("sandbox-admin/demo", run.id, "nope")).toThrow(/no action "nope"/);
    await user.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: "lanes-stack.yml",
      ref: "main",
      inputs: { agents: "2" },
    });
    const events = (await received()).filter(
      (e) => e.event !== "check_run" || e.payload.action !== "created",
    );
    expect(events.map((e) => `${e.event}.${String(e.payload.action ?? "")}`)).toEqual([
      "check_run.rerequested",
      "check_run.requested_action",
      "workflow_dispatch.",
      "workflow_run.requested",
    ]);
    expect(events[1]?.payload.requested_action).toEqual({ identifier: "retry" });
    expectShapedLike(events[0]?.payload ?? {}, example("check_run", "rerequested"), "check_run");
    expectShapedLike(events[1]?.payload ?? {}, example("check_run", "requested_action"), "check_run");
    expectShapedLike(events[2]?.payload ?? {}, example("workflow_dispatch", undefined), "workflow_dispatch");
    expect(events[2]?.payload).toMatchObject({
      ref: "refs/heads/main",
      workflow: ".github/workflows/lanes-stack.yml",
      inputs: { agents: "2" },
    });
  });
});
