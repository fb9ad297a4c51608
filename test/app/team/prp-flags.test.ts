// Clearing a PRP's flags: when the state that raised them is gone (at a state change, whoever causes it) and
// by a maintainer's `/lanes unflag`. At the Probot level with webhooks-examples comment payloads, a real Redis,
// GitHub faked by nock with every scope asserted done.
import { describe, expect, it } from "vitest";
import { updatePrp } from "../../../src/app/lifecycle/update-prp.js";
import { flagHolds } from "../../../src/app/team/prp-flags.js";
import { silentLogger } from "../../../src/observe/logger.js";
import { repo, useAppHarness } from "../app-harness.js";
import { REPO_PATH } from "../payloads.js";
import { commented } from "../commands/comment-payloads.js";
import { github, noConfig, permission, reacts, replies } from "../commands/nock-github.js";

const ROCKET = ["eyes", "rocket"];
const CONFUSED = ["eyes", "confused"];
const statusComment = {
  id: 100,
  body: "x",
  user: { login: "lanes[bot]", type: "Bot" },
  created_at: "2026-12-01T00:00:00Z",
};
const FLAGS = {
  "sla-pr": "no pull request within 1d (P1)",
  "at-risk": "deadline 2026-12-03 is near and it has no pull request",
  overdue: "its deadline 2026-12-01 passed",
};

describe("clearing flags", () => {
  const h = useAppHarness();

  async function flaggedPrp(state: string) {
    await h.store.transition("1", null, state, "test");
    const id = "issue-1-test";
    await h.store.enqueue({
      id,
      repo: "Codertocat/Hello-World",
      issue: 1,
      role: "developer",
      title: "PRP 1",
    });
    await h.store.patchPrpRecord(1, {
      commentId: 100,
      role: "developer",
      jobId: id,
      title: "PRP 1",
      flags: FLAGS,
    });
  }

  const cleared = async () =>
    (await h.store.readAudit())
      .filter((e) => e.type === "flag-cleared")
      .map((e) => {
        const { kind, reason } = JSON.parse(e.data ?? "{}") as { kind: string; reason: string };
        return { actor: e.actor, kind, reason };
      });

  it("knows which state ends each flag's condition", () => {
    expect(flagHolds("sla-claim", "queued")).toBe(true);
    expect(flagHolds("sla-claim", "active")).toBe(false);
    expect(flagHolds("sla-pr", "waiting")).toBe(true);
    expect(flagHolds("at-risk", "review")).toBe(false);
    expect(flagHolds("overdue", "review")).toBe(true);
    expect(flagHolds("overdue", "done")).toBe(false);
    expect(flagHolds("overdue", null)).toBe(false);
    expect(flagHolds("someone-elses", "done")).toBe(true);
  });

  it("clears the PR flags when the lane opens its PR, keeps overdue, and the status comment shows only that", async () => {
    await flaggedPrp("active");
    let body = "";
    const scope = github()
      .post(`${REPO_PATH}/issues/1/labels`, { labels: ["lanes:review"] })
      .reply(200, [{ name: "prp" }, { name: "lanes:review" }, { name: "lanes:active" }])
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aactive`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => {
        body = b.body;
        return true;
      })
      .reply(200, statusComment);
    // the supervisor's reporter goes through updatePrp like the App does
    const deps = { repo, github: h.port, store: h.store, log: silentLogger() };
    await updatePrp(deps, { issue: 1, event: "finished", actor: "supervisor@runner-a" });
    scope.done();
    expect((await h.store.readPrpRecord(1)).flags).toEqual({ overdue: FLAGS.overdue });
    expect(body).toContain(FLAGS.overdue);
    expect(body).not.toContain(FLAGS["sla-pr"]);
    expect(await cleared()).toEqual([
      { actor: "supervisor@runner-a", kind: "sla-pr", reason: "no longer holds: now review" },
      { actor: "supervisor@runner-a", kind: "at-risk", reason: "no longer holds: now review" },
    ]);
    expect((await h.store.prpEvents(1)).map((e) => e.text)).toContain(
      "flag cleared: sla-pr, at-risk (no longer holds: now review, supervisor@runner-a)",
    );
  });

  it("clears every flag of a PRP withdrawn by `/lanes cancel`", async () => {
    await flaggedPrp("active");
    const scope = permission(reacts(github(), ...ROCKET), "maintainer", "admin")
      .delete(`${REPO_PATH}/issues/1/labels/lanes%3Aactive`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => !b.body.includes("Attention"))
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes cancel", labels: ["prp", "lanes:active"] }));
    scope.done();
    expect((await h.store.readPrpRecord(1)).flags).toEqual({});
    expect((await cleared()).map((c) => c.kind)).toEqual(["sla-pr", "at-risk", "overdue"]);
  });

  it("lets a maintainer clear one kind or all with `/lanes unflag`, and refuses a writer", async () => {
    await flaggedPrp("waiting");
    const one = permission(reacts(github(), ...ROCKET), "maintainer", "maintain")
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => !b.body.includes(FLAGS.overdue))
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes unflag overdue" }));
    one.done();
    expect(Object.keys((await h.store.readPrpRecord(1)).flags ?? {})).toEqual(["sla-pr", "at-risk"]);

    const out: string[] = [];
    const refused = replies(noConfig(permission(reacts(github(), ...CONFUSED), "writer", "write")), 1, out);
    await h.send("issue_comment", commented({ body: "/lanes unflag", author: "writer" }));
    refused.done();
    expect(out[0]).toContain("`/lanes unflag` needs maintain access");

    const all = reacts(github(), ...ROCKET)
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => !b.body.includes("Attention"))
      .reply(200, statusComment);
    await h.send("issue_comment", commented({ body: "/lanes unflag" }));
    all.done();
    expect((await h.store.readPrpRecord(1)).flags).toEqual({});
    expect(await cleared()).toEqual([
      { actor: "maintainer", kind: "overdue", reason: "cleared by hand" },
      { actor: "maintainer", kind: "sla-pr", reason: "cleared by hand" },
      { actor: "maintainer", kind: "at-risk", reason: "cleared by hand" },
    ]);

    const nothing: string[] = [];
    const none = replies(reacts(github(), ...ROCKET), 1, nothing);
    await h.send("issue_comment", commented({ body: "/lanes unflag" }));
    none.done();
    expect(nothing[0]).toContain("No flags to clear.");
  });
});
