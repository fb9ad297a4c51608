// GitHub marks a PR merged once its head commit is reachable from its base, whoever put it there:
// merging an integration PR merges every lane PR it contains and closes the issues they close.
import { Octokit } from "@octokit/rest";
import { verify } from "@octokit/webhooks-methods";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { expectLikeGitHub } from "./webhook-shape.js";
import { startWebhookReceiver, type Received, type WebhookReceiver } from "./webhook-receiver.js";

const repo = { owner: "sandbox-admin", repo: "demo" };
const quiet = () => undefined;

describe("sandbox: PRs merged by reachability, and installation webhooks", () => {
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let clone: TestRepo;
  let user: Octokit;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startSandbox({ webhookUrl: receiver.url, webhookSecret: "s3cret" });
    const info = sandbox.info();
    user = new Octokit({
      auth: info.users[0]?.token,
      baseUrl: info.api_url,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
    clone = await makeRepo();
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
  });
  afterEach(async () => {
    await clone.remove();
    await sandbox.close();
    await receiver.close();
  });

  const received = async (): Promise<Received[]> => {
    await sandbox.idle();
    return receiver.received;
  };

  /** An issue and its lane PR "Closes #n" from a branch with one commit on `from`. */
  async function lane(name: string, from = "origin/main"): Promise<{ issue: number; pull: number }> {
    const { data: issue } = await user.rest.issues.create({ ...repo, title: name });
    const branch = `lanes/developer/${issue.number}-${name}`;
    await clone.git("checkout", "-q", "-B", branch, from);
    await clone.commit(name, { [`${name}.txt`]: `${name}\n` });
    await clone.git("push", "-q", "-f", "origin", `HEAD:refs/heads/${branch}`);
    const { data: pull } = await user.rest.pulls.create({
      ...repo,
      head: branch,
      base: "main",
      title: name,
      body: `Closes #${issue.number}`,
    });
    return { issue: issue.number, pull: pull.number };
  }

  it("merging an integration PR merges every lane PR whose head it contains and closes their issues", async () => {
    const a = await lane("a");
    const b = await lane("b");
    const left = await lane("c");
    await clone.git("checkout", "-q", "-B", "lanes/integration/2026-12-01", "origin/main");
    for (const branch of [`lanes/developer/${a.issue}-a`, `lanes/developer/${b.issue}-b`])
      await clone.git("merge", "-q", "--no-ff", "-m", `merge ${branch}`, `origin/${branch}`);
    await clone.git("push", "-q", "origin", "HEAD:refs/heads/lanes/integration/2026-12-01");
    const { data: integration } = await user.rest.pulls.create({
      ...repo,
      head: "lanes/integration/2026-12-01",
      base: "main",
      title: "Integration 2026-12-01",
      body: "Lanes a and b.",
    });
    const before = (await received()).length;
    await user.rest.pulls.merge({ ...repo, pull_number: integration.number });
    const events = (await received()).slice(before);

    const summary = events.map((e) => {
      const p = e.payload as { action?: string; number?: number; issue?: { number: number } };
      return `${e.event}.${p.action ?? ""}#${p.number ?? p.issue?.number ?? ""}`;
    });
    expect(summary).toEqual([
      "push.#",
      `pull_request.closed#${integration.number}`,
      `pull_request.closed#${a.pull}`,
      `issues.closed#${a.issue}`,
      `pull_request.closed#${b.pull}`,
      `issues.closed#${b.issue}`,
    ]);
    const main = (await user.rest.repos.getBranch({ ...repo, branch: "main" })).data.commit.sha;
    for (const e of events.filter((x) => x.event === "pull_request")) {
      expect(e.payload.pull_request).toMatchObject({ merged: true, state: "closed", merge_commit_sha: main });
      expect((e.payload.pull_request as { merged_by: { login: string } }).merged_by.login).toBe(
        "sandbox-admin",
      );
    }
    for (const e of events) {
      if (e.event !== "push") expectLikeGitHub(e.event, e.payload);
      expect(await verify("s3cret", e.body, e.signature)).toBe(true);
    }
    for (const n of [a.pull, b.pull]) {
      const { data } = await user.rest.pulls.get({ ...repo, pull_number: n });
      expect({ merged: data.merged, state: data.state }).toEqual({ merged: true, state: "closed" });
    }
    const { data: files } = await user.rest.pulls.listFiles({ ...repo, pull_number: a.pull });
    expect(files.map((f) => f.filename)).toEqual(["a.txt"]);
    expect((await user.rest.pulls.get({ ...repo, pull_number: left.pull })).data.state).toBe("open");
    expect((await user.rest.issues.get({ ...repo, issue_number: left.issue })).data.state).toBe("open");
  });

  it("a push to the base that contains a PR's head merges it too, merged by the pusher", async () => {
    const a = await lane("a");
    await clone.git("checkout", "-q", "-B", "main", "origin/main");
    await clone.git("merge", "-q", "--no-ff", "-m", "by hand", `origin/lanes/developer/${a.issue}-a`);
    await clone.git("push", "-q", "origin", "HEAD:refs/heads/main");
    await expect
      .poll(async () => (await user.rest.pulls.get({ ...repo, pull_number: a.pull })).data.merged)
      .toBe(true);
    const closed = (await received()).filter((e) => e.payload.action === "closed");
    expect(closed.map((e) => e.event)).toEqual(["pull_request", "issues"]);
    expect((await user.rest.issues.get({ ...repo, issue_number: a.issue })).data.state).toBe("closed");
  });

  it("sends installation.created when the App is installed and installation_repositories.added for a new repository", async () => {
    sandbox.installApp();
    await sandbox.addRepo({ owner: "sandbox-admin", name: "second" });
    const events = await received();
    expect(events.map((e) => `${e.event}.${String(e.payload.action)}`)).toEqual([
      "installation.created",
      "installation_repositories.added",
    ]);
    for (const e of events) {
      expectLikeGitHub(e.event, e.payload);
      expect(await verify("s3cret", e.body, e.signature)).toBe(true);
    }
    const [created, added] = events.map((e) => e.payload);
    expect(created?.repositories).toEqual([expect.objectContaining({ full_name: "sandbox-admin/demo" })]);
    expect(added?.repositories_added).toEqual([
      expect.objectContaining({ full_name: "sandbox-admin/second" }),
    ]);
    expect(created?.installation).toMatchObject({
      id: sandbox.info().app.installation_id,
      app_id: sandbox.info().app.id,
    });
  });
});
