// Every `/lanes` command at the Probot level: issue_comment payloads from @octokit/webhooks-examples, a real
// Redis, GitHub faked by nock with every scope asserted done (an unexpected request fails the delivery).
import { describe, expect, it } from "vitest";
import { API, useAppHarness } from "../app-harness.js";
import { REPO_PATH } from "../payloads.js";
import { COMMENT_ID, commented } from "./comment-payloads.js";
import { config, github, noConfig, permission, reacts, replies } from "./nock-github.js";

const ROCKET = ["eyes", "rocket"];
const CONFUSED = ["eyes", "confused"];
const labels = (...names: string[]) => names.map((name) => ({ name }));
const statusComment = {
  id: 100,
  body: "x",
  user: { login: "lanes[bot]", type: "Bot" },
  created_at: "2026-12-01T00:00:00Z",
};

describe("/lanes commands", () => {
  const h = useAppHarness();

  async function prpIn(issue: number, state: string, role = "developer") {
    await h.store.transition(String(issue), null, state, "test");
    const id = `issue-${issue}-test`;
    await h.store.enqueue({
      id,
      repo: "Codertocat/Hello-World",
      issue,
      role: "developer",
      title: `PRP ${issue}`,
      payload: { prp: { body: "x" } },
    });
    await h.store.patchPrpRecord(issue, { commentId: 100, role, jobId: id, title: `PRP ${issue}` });
    return id;
  }

  const controlOf = async (issue: number) =>
    (await h.store.readControl(new Map([[String(issue), "0-0"]]), 0)).get(String(issue)) ?? [];

  it("answers help with every command, for a writer (lanes.yml read once for maintain-only commands)", async () => {
    const out: string[] = [];
    const scope = replies(noConfig(permission(reacts(github(), ...ROCKET), "maintainer", "write")), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes help" }));
    scope.done();
    expect(out[0]).toContain("`/lanes say <message>`");
    expect(out[0]).toContain("`/lanes schedule <minutes> <note>`");
    expect(out[0]).toContain("`/lanes accept <n>…|all`");
  });

  it("suggests the nearest command for an unknown one, with the help text", async () => {
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...CONFUSED), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes sya hello" }));
    scope.done();
    expect(out[0]).toContain("did you mean `/lanes say`?");
    expect(out[0]).toContain("| command | what it does |");
  });

  it("queues `say` on the lane's control channel, case- and whitespace-tolerant", async () => {
    await prpIn(1, "waiting");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin");
    await h.send("issue_comment", commented({ body: "thanks!\n   /LANES   Say   yes, use   Postgres  \n" }));
    scope.done();
    const [entry] = await controlOf(1);
    expect(entry?.message).toEqual({ op: "say", text: "yes, use   Postgres" });
    expect(entry?.actor).toBe("maintainer");
  });

  it("runs two commands of one comment in order with one reaction each way and one reply", async () => {
    await prpIn(1, "active");
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...ROCKET), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes rebrief\n/lanes schedule 30 check the tests" }));
    scope.done();
    expect((await controlOf(1)).map((e) => e.message.op)).toEqual(["rebrief", "schedule"]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^Check-in scheduled for \d{4}-/);
  });

  it("refuses a reader once, runs nothing, and audits the refusal", async () => {
    await prpIn(1, "active");
    const out: string[] = [];
    const scope = replies(noConfig(permission(reacts(github(), ...CONFUSED), "outsider", "read")), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes cancel\n/lanes say stop", author: "outsider" }));
    scope.done();
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("needs write access");
    expect(await h.store.readIssueState("1")).toBe("active");
    expect(await controlOf(1)).toEqual([]);
    const audit = await h.store.readAudit();
    expect(audit.filter((e) => e.type === "command").map((e) => JSON.parse(e.data ?? "{}").result)).toEqual([
      "refused",
      "refused",
    ]);
  });

  it("refuses silently when lanes.yml says so", async () => {
    const scope = config(
      permission(reacts(github(), ...CONFUSED), "outsider", "triage"),
      "commands:\n  refusal: silent\n",
    );
    await h.send("issue_comment", commented({ body: "/lanes retry", author: "outsider" }));
    scope.done();
  });

  it("ignores bots, the App itself included, at no cost", async () => {
    await h.send("issue_comment", commented({ body: "/lanes cancel", author: "lanes[bot]", type: "Bot" }));
    await h.send(
      "issue_comment",
      commented({ body: "/lanes cancel", author: "dependabot[bot]", type: "Bot" }),
    );
    expect(h.port.requestCounts()).toEqual({});
  });

  it("does not run an edited comment again", async () => {
    await h.send("issue_comment", commented({ body: "/lanes cancel", action: "edited" }));
    expect(h.port.requestCounts()).toEqual({});
  });

  it("ignores quoted and fenced command lines", async () => {
    await h.send("issue_comment", commented({ body: "> /lanes cancel\n```\n/lanes cancel\n```" }));
    expect(h.port.requestCounts()).toEqual({});
  });

  it("says what is wrong with bad arguments, with the usage", async () => {
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...CONFUSED), "maintainer", "admin"), 1, out);
    await h.send(
      "issue_comment",
      commented({ body: "/lanes schedule soon check\n/lanes priority urgentish\n/lanes say" }),
    );
    scope.done();
    expect(out[0]).toContain("`/lanes schedule`: schedule needs whole minutes");
    expect(out[0]).toContain("`/lanes priority`: priority needs one of critical");
    expect(out[0]).toContain("`/lanes say`: say needs a message");
  });

  it("refuses `say` to a PRP no lane runs for", async () => {
    await prpIn(1, "review");
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...CONFUSED), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes say hello" }));
    scope.done();
    expect(out[0]).toContain("#1 is `lanes:review`: no lane takes `say` now.");
  });

  it("applies a command on a lane PR to that PR's PRP", async () => {
    await prpIn(7, "active");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin")
      .get(`${REPO_PATH}/pulls/12`)
      .reply(200, {
        number: 12,
        title: "t",
        body: "",
        state: "open",
        draft: false,
        merged: false,
        merge_commit_sha: null,
        head: { ref: "lanes/developer/7-add-it", sha: "a".repeat(40) },
        base: { ref: "main", sha: "b".repeat(40) },
        html_url: "h",
      });
    await h.send(
      "issue_comment",
      commented({ body: "/lanes pause", issue: 12, pullRequest: true, labels: [] }),
    );
    scope.done();
    expect((await controlOf(7)).map((e) => e.message.op)).toEqual(["pause"]);
  });

  it("has one effect when the same comment is delivered twice under new delivery ids", async () => {
    await prpIn(1, "active");
    const scope = permission(reacts(reacts(github(), ...ROCKET), ...ROCKET), "maintainer", "admin");
    await h.send("issue_comment", commented({ body: "/lanes resume" }));
    await h.send("issue_comment", commented({ body: "/lanes resume" }));
    scope.done();
    expect(await controlOf(1)).toHaveLength(1);
  });

  it("cancels: the PRP is withdrawn, its job cancelled and the lane told at once", async () => {
    const job = await prpIn(1, "active");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin")
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aactive`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes cancel", labels: ["prp", "lanes:active"] }));
    scope.done();
    expect(await h.store.readIssueState("1")).toBeNull();
    expect((await h.store.findJob(job))?.state).toBe("cancelled");
    expect((await controlOf(1)).map((e) => e.message.op)).toEqual(["cancel"]);
  });

  it("retries a PRP that needs a human: queued again", async () => {
    const job = await prpIn(1, "needs-human");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin")
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:queued"] })
      .reply(200, labels("prp", "lanes:queued", "lanes:needs-human"))
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aneeds-human`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes retry", labels: ["prp", "lanes:needs-human"] }));
    scope.done();
    expect(await h.store.readIssueState("1")).toBe("queued");
    const record = await h.store.readPrpRecord(1);
    expect((await h.store.findJob(record.jobId ?? ""))?.state).toBe("queued");
    expect(record.jobId).not.toBe(job);
  });

  it("assigns a queued PRP to another role's queue", async () => {
    await prpIn(1, "queued");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin")
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) =>
        b.body.includes("assigned to tester"),
      )
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes assign Tester" }));
    scope.done();
    const [job] = await h.store.listJobs({ state: "queued" });
    expect(job?.role).toBe("tester");
  });

  it("changes the priority for a maintainer, and needs maintain (not write) by default", async () => {
    const id = await prpIn(1, "queued");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "maintain")
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes priority P0" }));
    scope.done();
    expect((await h.store.findJob(id))?.priority).toBe("critical");

    const out: string[] = [];
    const refused = replies(noConfig(permission(reacts(github(), ...CONFUSED), "writer", "write")), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes priority low", author: "writer" }));
    refused.done();
    expect(out[0]).toContain("`/lanes priority` needs maintain access");
  });

  it("lets lanes.yml open priority to writers", async () => {
    await prpIn(1, "queued");
    const scope = config(
      permission(reacts(github(), ...ROCKET), "writer", "write"),
      "commands:\n  maintain: [approve]\n",
    )
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes priority high", author: "writer" }));
    scope.done();
  });

  it("holds and unholds with the lanes-hold label", async () => {
    await prpIn(1, "review");
    const scope = permission(reacts(reacts(github(), ...ROCKET), ...ROCKET), "maintainer", "admin")
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes-hold"] })
      .reply(200, labels("prp", "lanes:review", "lanes-hold"))
      .delete(`${REPO_PATH}/issues/1/labels/lanes-hold`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`)
      .times(2)
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes hold" }));
    await h.send("issue_comment", commented({ body: "/lanes unhold" }));
    scope.done();
  });

  it("approves an outsider's PRP: read and queued for its role", async () => {
    await h.store.transition("1", null, "needs-approval", "test");
    await h.store.patchPrpRecord(1, { commentId: 100 });
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "maintain")
      .get(`${REPO_PATH}/issues/1`)
      .reply(200, {
        number: 1,
        title: "PRP 1",
        body: "## Goal\nDo it.\n",
        state: "open",
        labels: labels("prp", "lanes:needs-approval"),
        user: { login: "stranger" },
        html_url: "h",
        updated_at: "2026-12-01T00:00:00Z",
      })
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:queued"] })
      .reply(200, labels("prp", "lanes:queued", "lanes:needs-approval"))
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aneeds-approval`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`)
      .reply(200, statusComment);
    await h.send(
      "issue_comment",
      commented({ body: "/lanes approve", labels: ["prp", "lanes:needs-approval"] }),
    );
    scope.done();
    expect(await h.store.readIssueState("1")).toBe("queued");
    expect(await h.store.listJobs({ state: "queued" })).toHaveLength(1);
  });

  it("replies with the PRP's state to `status`", async () => {
    await prpIn(1, "active");
    await h.store.scheduleCheckIn("1", {
      id: "c-1",
      at: Date.UTC(2026, 2, 14, 9, 30),
      note: "how are the tests, @bob?",
    });
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...ROCKET), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes status", labels: ["prp", "lanes-hold"] }));
    scope.done();
    expect(out[0]).toContain("#1 is `lanes:active`.");
    expect(out[0]).toContain("job `issue-1-test`: queued");
    expect(out[0]).toContain("- held: not integrated until `/lanes unhold`");
    expect(out[0]).toContain("- check-in at 2026-03-14T09:30Z: how are the tests, @\u200bbob?");
  });

  it("refuses `accept` on an issue: it belongs on the lane PR", async () => {
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...CONFUSED), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes accept 1 2" }));
    scope.done();
    expect(out[0]).toContain("belongs on the lane's pull request");
  });

  it("says a non-PRP issue is not a PRP", async () => {
    const out: string[] = [];
    const scope = replies(permission(reacts(github(), ...CONFUSED), "maintainer", "admin"), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes pause", labels: ["bug"] }));
    scope.done();
    expect(out[0]).toContain("#1 is not a PRP");
  });

  it("asks for the commenter's permission once for a burst of comments", async () => {
    await prpIn(1, "active");
    const scope = permission(reacts(reacts(github(), ...ROCKET), ...ROCKET), "maintainer", "admin");
    await h.send("issue_comment", commented({ body: "/lanes say one" }));
    await h.send("issue_comment", commented({ body: "/lanes say two" }));
    scope.done();
    expect(h.port.requestCounts()["GET /repos/{owner}/{repo}/collaborators/{username}/permission"]).toBe(1);
    expect(COMMENT_ID).toBeGreaterThan(0);
    expect(API).toContain("github");
  });
});

describe("/lanes handoff", () => {
  const h = useAppHarness();

  it("posts and keeps a YAML handoff record and queues the next role on the same branch", async () => {
    await h.store.transition("1", null, "review", "test");
    await h.store.enqueue({
      id: "issue-1-dev",
      repo: "Codertocat/Hello-World",
      issue: 1,
      role: "developer",
      title: "PRP 1",
      payload: { prp: { body: "x", criteria: ["it works"] } },
    });
    await h.store.patchPrpRecord(1, {
      commentId: 100,
      role: "developer",
      jobId: "issue-1-dev",
      branch: "lanes/developer/1-prp-1",
      pr: "https://github.test/pull/9",
    });
    const out: string[] = [];
    const scope = replies(
      permission(reacts(github(), "eyes", "rocket"), "maintainer", "admin")
        .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:queued"] })
        .reply(200, [{ name: "prp" }, { name: "lanes:queued" }, { name: "lanes:review" }])
        .delete(`${REPO_PATH}/issues/1/labels/lanes%3Areview`)
        .reply(200, [])
        .patch(`${REPO_PATH}/issues/comments/100`)
        .reply(200, {
          id: 100,
          body: "x",
          user: { login: "lanes[bot]", type: "Bot" },
          created_at: "2026-12-01T00:00:00Z",
        }),
      1,
      out,
    );
    await h.send(
      "issue_comment",
      commented({ body: "/lanes handoff tester cover the edge cases", labels: ["prp", "lanes:review"] }),
    );
    scope.done();
    expect(out[0]).toContain("```yaml\nprp: 1\nfrom: developer\nto: tester\n");
    expect(out[0]).toContain("dependencies_ready: true");
    expect(out[0]).toContain("- cover the edge cases");
    const [job] = await h.store.listJobs({ state: "queued" });
    expect(job?.role).toBe("tester");
    const prp = job?.payload.prp as { branch?: string; handoff?: string };
    expect(prp.branch).toBe("lanes/developer/1-prp-1");
    expect(prp.handoff).toContain("to: tester");
    expect((await h.store.readPrpRecord(1)).handoff).toContain("from: developer");
  });
});
