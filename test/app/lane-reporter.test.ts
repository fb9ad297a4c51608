// The supervisor's reports reach the PRP through transition() and the one status comment: a claim moves
// queued → active and edits the comment; a report the table refuses (stale) makes no request.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { prpLaneReporter } from "../../src/app/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { API, repo, useAppHarness } from "./app-harness.js";
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

  it("serves the lanes' tokens and cost per role on /metrics", async () => {
    h.metrics.watch(repo.owner + "/" + repo.repo, h.store);
    await h.store.recordLaneUsage("job-1", {
      role: "developer",
      input: 10,
      output: 20,
      cacheRead: 300,
      cacheWrite: 40,
      tokens: 370,
      costUsd: 0.5,
    });
    await h.store.recordLaneUsage("job-2", {
      role: "developer",
      input: 1,
      output: 2,
      cacheRead: 3,
      cacheWrite: 4,
      tokens: 10,
      costUsd: 0.25,
    });
    await h.store.recordLaneUsage("job-3", {
      role: "tester",
      input: 5,
      output: 5,
      cacheRead: 0,
      cacheWrite: 0,
      tokens: 10,
      costUsd: 0.1,
    });
    const text = await h.metrics.registry.metrics();
    const name = `${repo.owner}/${repo.repo}`;
    expect(text).toContain(`lanes_agent_tokens{repo="${name}",role="developer",kind="cache_read"} 303`);
    expect(text).toContain(`lanes_agent_tokens{repo="${name}",role="tester",kind="output"} 5`);
    expect(text).toContain(`lanes_agent_cost_usd{repo="${name}",role="developer"} 0.75`);
  });
});
