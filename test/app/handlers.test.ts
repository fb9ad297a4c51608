// Every handler at the Probot level: webhook payloads from @octokit/webhooks-examples, a real Redis, GitHub
// faked by nock with every scope asserted done (an unexpected request fails the delivery).
import nock from "nock";
import { describe, expect, it } from "vitest";
import { LABEL_CATALOGUE } from "../../src/app/index.js";
import { STATUS_MARKER } from "../../src/app/status/render-status.js";
import { API, useAppHarness } from "./app-harness.js";
import { closed, edited, example, issueJson, labeled, merged, REPO_PATH, unlabeled } from "./payloads.js";

const labelsReply = (...names: string[]) => names.map((name) => ({ name }));
const commentReply = (id: number, body = `${STATUS_MARKER}\n`) => ({
  id,
  body,
  user: { login: "lanes[bot]", type: "Bot" },
  created_at: "2026-12-01T00:00:00Z",
});

function expectQueuedIntake(issue: number, commentId = 100) {
  return nock(API)
    .post(`${REPO_PATH}/issues/${issue}/labels`, { labels: ["lanes:queued"] })
    .reply(200, labelsReply("prp", "lanes:queued"))
    .post(`${REPO_PATH}/issues/${issue}/comments`, (b: { body: string }) => b.body.includes("lanes:queued"))
    .reply(201, commentReply(commentId));
}

async function metricValue(h: ReturnType<typeof useAppHarness>, event: string, outcome: string) {
  const metric = await h.metrics.registry.getSingleMetric("lanes_webhook_deliveries_total")?.get();
  return metric?.values.find((v) => v.labels.event === event && v.labels.outcome === outcome)?.value ?? 0;
}

describe("Lanes app handlers", () => {
  const h = useAppHarness();

  it("syncs every label on installation.created, creating the missing ones", async () => {
    const scope = nock(API)
      .get("/repos/Codertocat/Hello-World/labels")
      .query(true)
      .reply(200, [{ name: "prp", color: "1d76db", description: "old words" }])
      .patch("/repos/Codertocat/Hello-World/labels/prp")
      .reply(200, {})
      .post("/repos/Codertocat/Hello-World/labels")
      .times(LABEL_CATALOGUE.length - 1)
      .reply(201, {});
    await h.send("installation", example("installation", "created"));
    scope.done();
  });

  it("syncs labels on a repository added to the installation, changing nothing that is right", async () => {
    const scope = nock(API)
      .get("/repos/Codertocat/Space/labels")
      .query(true)
      .reply(
        200,
        LABEL_CATALOGUE.map((l) => ({ ...l })),
      );
    await h.send("installation_repositories", example("installation_repositories", "added"));
    scope.done();
  });

  it("queues a valid PRP labelled by its owner: one state label, one status comment, one job", async () => {
    const scope = expectQueuedIntake(1);
    await h.send("issues", labeled());
    scope.done();
    expect(await h.store.readIssueState("1")).toBe("queued");
    const [job] = await h.store.listJobs({ state: "queued" });
    expect(job).toMatchObject({ issue: 1, role: "developer", title: "PRP 1" });
    expect(h.port.requestCounts()).toEqual({
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels": 1,
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": 1,
    });
  });

  it("has exactly one effect when a delivery is redelivered", async () => {
    const scope = expectQueuedIntake(1);
    const payload = labeled();
    const id = await h.send("issues", payload);
    await h.send("issues", payload, id);
    scope.done();
    expect(await h.store.listJobs({ state: "queued" })).toHaveLength(1);
    expect(await metricValue(h, "issues.labeled", "duplicate")).toBe(1);
  });

  it("makes no request, and touches no Redis key, for events Lanes ignores", async () => {
    await h.send("issues", labeled({ labels: ["bug"] }, "bug"));
    await h.send("issues", example("issues", "assigned"));
    await h.send("pull_request", example("pull_request", "closed"));
    expect(h.port.requestCounts()).toEqual({});
    expect(await h.redis.keys("lanes:{Codertocat/Hello-World}:*")).toEqual([]);
    expect(await metricValue(h, "issues.labeled", "ignored")).toBe(1);
  });

  it("holds an outsider's PRP in lanes:needs-approval without queueing it", async () => {
    const scope = nock(API)
      .get(`${REPO_PATH}/collaborators/stranger/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "stranger" } })
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:needs-approval"] })
      .reply(200, labelsReply("prp", "lanes:needs-approval"))
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => b.body.includes("/lanes approve"))
      .reply(201, commentReply(100));
    await h.send("issues", labeled({ association: "NONE", author: "stranger" }));
    scope.done();
    expect(await h.store.readIssueState("1")).toBe("needs-approval");
    expect(await h.store.listJobs()).toEqual([]);
  });

  it("marks an invalid PRP lanes:invalid and lists every error with field and line", async () => {
    let comment = "";
    const scope = nock(API)
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:invalid"] })
      .reply(200, labelsReply("prp", "lanes:invalid"))
      .post(`${REPO_PATH}/issues/1/comments`, (b: { body: string }) => {
        comment = b.body;
        return true;
      })
      .reply(201, commentReply(100));
    const body = "---\nrole: developer\npriorty: high\ntimeout_minutes: soon\n---\n# Add it\n## Goal\nx\n";
    await h.send("issues", labeled({ body }));
    scope.done();
    expect(comment).toContain("`priorty` (line 3)");
    expect(comment).toContain("`timeout_minutes` (line 4)");
    expect(await h.store.listJobs()).toEqual([]);
  });

  it("rejects a PRP that closes a dependency cycle with the open PRPs", async () => {
    let comment = "";
    const scope = nock(API)
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [issueJson(1, { body: "---\ndepends_on: [2]\n---\n# One\n" }), issueJson(2)])
      .post(`${REPO_PATH}/issues/2/labels`, { labels: ["lanes:invalid"] })
      .reply(200, labelsReply("prp", "lanes:invalid"))
      .post(`${REPO_PATH}/issues/2/comments`, (b: { body: string }) => {
        comment = b.body;
        return true;
      })
      .reply(201, commentReply(100));
    await h.send("issues", labeled({ number: 2, body: "---\ndepends_on: [1]\n---\n# Two\n" }));
    scope.done();
    expect(comment).toMatch(/`depends_on` \(line 2\): dependency cycle: #1 → #2 → #1/);
  });

  it("blocks a PRP on an open dependency and queues it once the dependency's lane PR merges", async () => {
    const intake = nock(API)
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [issueJson(1), issueJson(2, { body: "---\ndepends_on: [1]\n---\n" })])
      .post(`${REPO_PATH}/issues/2/labels`, { labels: ["lanes:blocked"] })
      .reply(200, labelsReply("prp", "lanes:blocked"))
      .post(`${REPO_PATH}/issues/2/comments`)
      .reply(201, commentReply(200));
    await h.send("issues", labeled({ number: 2, body: "---\ndepends_on: [1]\n---\n# Two\n" }));
    intake.done();
    expect(await h.store.readIssueState("2")).toBe("blocked");
    expect(await h.store.listJobs()).toEqual([]);

    await h.store.transition("1", null, "review", "test");
    const merge = nock(API)
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:done"] })
      .reply(200, labelsReply("prp", "lanes:review", "lanes:done"))
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Areview`)
      .reply(200, [])
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`)
      .reply(201, commentReply(100))
      .patch(`${REPO_PATH}/issues/1`, { state: "closed" })
      .reply(200, issueJson(1, { state: "closed" }))
      // the dependent is read again: still open, its dependency now closed
      .get(`${REPO_PATH}/issues/2`)
      .reply(200, issueJson(2, { labels: ["prp", "lanes:blocked"], body: "---\ndepends_on: [1]\n---\n" }))
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [issueJson(2, { body: "---\ndepends_on: [1]\n---\n" })])
      .get(`${REPO_PATH}/issues/1`)
      .reply(200, issueJson(1, { state: "closed" }))
      .post(`${REPO_PATH}/issues/2/labels`, { labels: ["lanes:queued"] })
      .reply(200, labelsReply("prp", "lanes:blocked", "lanes:queued"))
      .delete(`${REPO_PATH}/issues/2/labels/lanes%3Ablocked`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/200`, (b: { body: string }) => b.body.includes("#1 (done)"))
      .reply(200, commentReply(200))
      // no PR is stacked on the merged lane's branch
      .get(`${REPO_PATH}/pulls`)
      .query({ state: "open", per_page: 100, base: "lanes/developer/1-add-it" })
      .reply(200, []);
    await h.send("pull_request", merged({ number: 9, head: "lanes/developer/1-add-it", body: "Closes #1" }));
    merge.done();
    expect(await h.store.readIssueState("1")).toBe("done");
    expect(await h.store.readIssueState("2")).toBe("queued");
    expect((await h.store.listJobs({ state: "queued" })).map((j) => j.issue)).toEqual([2]);
  });

  it("retargets a PR stacked on the merged lane's branch to the branch that lane merged into", async () => {
    await h.store.transition("1", null, "review", "test");
    const stacked = {
      number: 10,
      html_url: "https://github.com/Codertocat/Hello-World/pull/10",
      state: "open",
      title: "PRP 2",
      body: "Closes #2",
      draft: false,
      merged: false,
      head: { ref: "lanes/developer/2-build-on-it", sha: "b".repeat(40) },
      base: { ref: "lanes/developer/1-add-it", sha: "a".repeat(40) },
      user: { login: "lanes[bot]" },
    };
    const payload = merged({ number: 9, head: "lanes/developer/1-add-it", body: "Closes #1" });
    const base = (payload as unknown as { pull_request: { base: { ref: string } } }).pull_request.base.ref;
    const scope = nock(API)
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:done"] })
      .reply(200, labelsReply("prp", "lanes:review", "lanes:done"))
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Areview`)
      .reply(200, [])
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/1/comments`)
      .reply(201, commentReply(100))
      .patch(`${REPO_PATH}/issues/1`, { state: "closed" })
      .reply(200, issueJson(1, { state: "closed" }))
      .get(`${REPO_PATH}/pulls`)
      .query({ state: "open", per_page: 100, base: "lanes/developer/1-add-it" })
      .reply(200, [stacked])
      .patch(`${REPO_PATH}/pulls/10`, { base })
      .reply(200, { ...stacked, base: { ref: base, sha: "c".repeat(40) } });
    await h.send("pull_request", payload);
    scope.done();
    expect(await h.store.readIssueState("1")).toBe("done");
  });

  it("changes nothing for events that arrive after the PRP is done (out of order)", async () => {
    await h.store.transition("1", null, "done", "test");
    await h.send("issues", edited({ labels: ["prp", "lanes:queued"] }));
    await h.send("issues", labeled({ labels: ["prp", "lanes:queued"] }));
    await h.send("pull_request", merged({ number: 9, head: "lanes/developer/1-add-it" }));
    expect(h.port.requestCounts()).toEqual({});
    expect(await h.store.readIssueState("1")).toBe("done");
    expect(await h.store.listJobs()).toEqual([]);
  });

  it("re-validates an edited queued PRP and queues it again with the new text", async () => {
    const first = expectQueuedIntake(1);
    await h.send("issues", labeled());
    first.done();
    const [before] = await h.store.listJobs({ state: "queued" });
    await h.send(
      "issues",
      edited({ labels: ["prp", "lanes:queued"], body: "---\nrole: tester\n---\n# PRP 1\n" }),
    );
    const jobs = await h.store.listJobs({ state: "queued" });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ role: "tester" });
    expect(jobs[0]?.id).not.toBe(before?.id);
  });

  it("withdraws a PRP whose prp label is removed: label gone, job cancelled, status comment edited", async () => {
    const first = expectQueuedIntake(1);
    await h.send("issues", labeled());
    first.done();
    const scope = nock(API)
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aqueued`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => b.body.includes("withdrawn"))
      .reply(200, commentReply(100));
    await h.send("issues", unlabeled({ labels: ["lanes:queued"], comments: 1 }));
    scope.done();
    expect(await h.store.readIssueState("1")).toBeNull();
    expect(await h.store.listJobs({ state: "queued" })).toEqual([]);
  });

  it("withdraws a closed PRP and queues the PRP that waited only on it", async () => {
    await h.store.transition("1", null, "queued", "test");
    await h.store.transition("2", null, "blocked", "test");
    await h.store.patchPrpRecord(2, { deps: [1], waitingOn: [1], commentId: 200 });
    await h.store.setWaitingOn(2, [], [1]);
    const scope = nock(API)
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aqueued`)
      .reply(200, [])
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(200, [commentReply(100)])
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, commentReply(100))
      .get(`${REPO_PATH}/issues/2`)
      .reply(200, issueJson(2, { labels: ["prp", "lanes:blocked"], body: "---\ndepends_on: [1]\n---\n" }))
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [issueJson(2)])
      .get(`${REPO_PATH}/issues/1`)
      .reply(200, issueJson(1, { state: "closed" }))
      .post(`${REPO_PATH}/issues/2/labels`)
      .reply(200, labelsReply("prp", "lanes:blocked", "lanes:queued"))
      .delete(`${REPO_PATH}/issues/2/labels/lanes%3Ablocked`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/200`)
      .reply(200, commentReply(200));
    await h.send("issues", closed({ labels: ["prp", "lanes:queued"], comments: 1 }));
    scope.done();
    expect(await h.store.readIssueState("1")).toBeNull();
    expect(await h.store.readIssueState("2")).toBe("queued");
  });
});
