// The supervisor's reports reach the PRP through transition() and the one status comment: a claim moves
// queued → active and edits the comment; a report the table refuses (stale) makes no request.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { prpLaneReporter } from "../../src/app/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { API, repo, useAppHarness } from "./app-harness.js";
import { isPrintable } from "../support/cat-v.js";
import { REPO_PATH } from "./payloads.js";

const comment = {
  id: 100,
  body: "x",
  user: { login: "lanes[bot]", type: "Bot" },
  created_at: "2026-12-01T00:00:00Z",
};

describe("prpLaneReporter", () => {
  const h = useAppHarness();

  it("reports a claim as queued → active with the branch in the status comment", async () => {
    await h.store.transition("5", null, "queued", "test");
    await h.store.patchPrpRecord(5, { commentId: 100, role: "developer" });
    let body = "";
    const scope = nock(API)
      .post(`${REPO_PATH}/issues/5/labels`, { labels: ["lanes:active"] })
      .reply(200, [{ name: "prp" }, { name: "lanes:queued" }, { name: "lanes:active" }])
      .delete(`${REPO_PATH}/issues/5/labels/lanes%3Aqueued`)
      .reply(200, [])
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => {
        body = b.body;
        return true;
      })
      .reply(200, comment);
    const reporter = prpLaneReporter(
      { github: h.port, store: h.store, repo, log: silentLogger() },
      "supervisor@h1",
    );
    await reporter.report(
      { id: "issue-5-x", issue: 5 },
      { kind: "claimed", branch: "lanes/developer/5-add-it", attempts: 1, host: "h1" },
    );
    scope.done();
    expect(await h.store.readIssueState("5")).toBe("active");
    expect(body).toContain("`lanes/developer/5-add-it`");
    expect(body).toMatch(/queued → active: claimed on h1/);
  });

  it("makes no request for a report the table refuses, or for a backlog job without an issue", async () => {
    await h.store.transition("5", null, "done", "test");
    const reporter = prpLaneReporter(
      { github: h.port, store: h.store, repo, log: silentLogger() },
      "supervisor@h1",
    );
    await reporter.report({ id: "issue-5-x", issue: 5 }, { kind: "finished", summary: "late", pr: "x" });
    await reporter.report({ id: "backlog-a", issue: "a" }, { kind: "gave-up", reason: "stuck" });
    expect(h.port.requestCounts()).toEqual({});
  });

  it("shows the lane's tokens and cost on the status comment, with no event and no label change", async () => {
    await h.store.transition("5", null, "active", "test");
    await h.store.patchPrpRecord(5, { commentId: 100, role: "developer" });
    let body = "";
    const scope = nock(API)
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => {
        body = b.body;
        return true;
      })
      .reply(200, comment);
    const reporter = prpLaneReporter(
      { github: h.port, store: h.store, repo, log: silentLogger() },
      "supervisor@h1",
    );
    const usage = {
      input: 3_100,
      output: 45_000,
      cacheRead: 1_100_000,
      cacheWrite: 80_200,
      tokens: 1_228_300,
      costUsd: 2.414,
    };
    await reporter.report({ id: "issue-5-x", issue: 5 }, { kind: "usage", usage });
    scope.done();
    expect(body).toContain(
      "| Tokens and cost | 1.2M tokens (input 3.1k, output 45.0k, cache read 1.1M, cache write 80.2k), $2.41 |",
    );
    expect(await h.store.readPrpRecord(5)).toMatchObject({ usage });
    expect(await h.store.prpEvents(5)).toEqual([]);
  });

  async function reportOn(
    state: "active",
    report: Parameters<ReturnType<typeof prpLaneReporter>["report"]>[1],
    to: string,
  ) {
    await h.store.transition("6", null, state, "test");
    await h.store.patchPrpRecord(6, { commentId: 100, role: "developer" });
    let body = "";
    const scope = nock(API)
      .post(`${REPO_PATH}/issues/6/labels`, { labels: [`lanes:${to}`] })
      .reply(200, [{ name: "prp" }, { name: `lanes:${to}` }])
      .patch(`${REPO_PATH}/issues/comments/100`, (b: { body: string }) => {
        body = b.body;
        return true;
      })
      .reply(200, comment);
    const reporter = prpLaneReporter(
      { github: h.port, store: h.store, repo, log: silentLogger() },
      "supervisor@h1",
    );
    await reporter.report({ id: "issue-6-x", issue: 6 }, report);
    scope.done();
    return body;
  }

  it("puts a dead agent's cause and its last lines (sanitised, fenced) on the status comment", async () => {
    const body = await reportOn(
      "active",
      {
        kind: "gave-up",
        reason: "the agent cannot reach its service [no-network]; not restarted",
        cause: "no-network",
        lastLines: "Unable to connect to Anthropic services\n```\n\x1b]0;x\x07done",
      },
      "needs-human",
    );
    expect(body).toContain("| Cause | `no-network` |");
    expect(body).toContain("<summary>Last lines of the agent's pane</summary>");
    expect(body).toContain("````\nUnable to connect to Anthropic services\n```\ndone\n````");
    expect(isPrintable(body)).toBe(true);
  });

  it("says when a paused lane resumes", async () => {
    const until = Date.UTC(2026, 11, 2, 3, 0, 0);
    const body = await reportOn("active", { kind: "usage-limit", until }, "paused");
    expect(body).toContain("| Resumes | at 2026-12-02T03:00:00Z |");
  });
});
