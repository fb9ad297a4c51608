// check_run webhooks of lanes/* gates reach Redis: one attempt per run (redeliveries and the created +
// completed pair count once), the PRP record's gates, the first-try verdict, the audit entry, and the
// /metrics gauges. Payloads: @octokit/webhooks-examples' check_run.completed, renamed to a lanes gate on a
// lane branch. Any GitHub request would fail the delivery (nock allows none).
import nock from "nock";
import { describe, expect, it } from "vitest";
import { registerBoardMetrics } from "../../src/dashboard/board-metrics.js";
import { useAppHarness } from "./app-harness.js";
import { example, type Payload } from "./payloads.js";

interface CheckRunShape {
  id: number;
  gate: string;
  conclusion: string | null;
  sha: string;
  branch?: string;
  action?: string;
  startedAt?: string;
  completedAt?: string;
}

function checkRun(shape: CheckRunShape): Payload {
  const payload = example("check_run", "completed");
  const run = payload.check_run as Record<string, unknown> & {
    pull_requests: { head: { ref: string; sha: string } }[];
    check_suite: { head_branch: string; head_sha: string };
  };
  payload.action = shape.action ?? "completed";
  run.id = shape.id;
  run.name = shape.gate;
  run.conclusion = shape.conclusion;
  run.status = shape.conclusion === null ? "in_progress" : "completed";
  run.head_sha = shape.sha;
  run.started_at = shape.startedAt ?? "2026-12-01T10:00:00Z";
  run.completed_at = shape.completedAt ?? "2026-12-01T10:00:30Z";
  const branch = shape.branch ?? "lanes/backend/7-add-login";
  for (const pr of run.pull_requests) pr.head = { ...pr.head, ref: branch, sha: shape.sha };
  run.check_suite.head_branch = branch;
  run.check_suite.head_sha = shape.sha;
  return payload;
}

describe("gate results from check_run webhooks", () => {
  const h = useAppHarness();

  it("keeps each lanes/* result once, shows the head commit's gates, and judges the first try", async () => {
    nock.disableNetConnect();
    const first = "a".repeat(40);
    const second = "b".repeat(40);
    await h.send("check_run", checkRun({ id: 1, gate: "lanes/prp", conclusion: "failure", sha: first }));
    await h.send("check_run", checkRun({ id: 2, gate: "lanes/lane", conclusion: "success", sha: first }));
    // GitHub's created-then-completed pair for one run, and a redelivery under a new delivery id
    await h.send(
      "check_run",
      checkRun({ id: 2, gate: "lanes/lane", conclusion: "success", sha: first, action: "created" }),
    );
    await h.send("check_run", checkRun({ id: 1, gate: "lanes/prp", conclusion: "failure", sha: first }));
    await h.send(
      "check_run",
      checkRun({
        id: 3,
        gate: "lanes/prp",
        conclusion: "success",
        sha: second,
        completedAt: "2026-12-01T11:00:00Z",
      }),
    );

    const runs = await h.store.gateRuns(7);
    expect(runs.map((r) => [r.id, r.gate, r.conclusion])).toEqual(
      expect.arrayContaining([
        ["1", "lanes/prp", "failure"],
        ["2", "lanes/lane", "success"],
        ["3", "lanes/prp", "success"],
      ]),
    );
    expect(runs).toHaveLength(3);
    expect(runs.find((r) => r.id === "1")?.durationMs).toBe(30_000);
    expect((await h.store.readPrpRecord(7)).gates).toEqual({ "lanes/prp": "success" });
    const [summary] = await h.store.recentGateSummaries(0);
    expect(summary).toMatchObject({
      issue: 7,
      firstSha: first,
      headSha: second,
      firstTryPass: false,
      attempts: { "lanes/prp": 2, "lanes/lane": 1 },
    });
    const audit = await h.store.readAudit();
    expect(audit.filter((e) => e.type === "gate").map((e) => e.data)).toEqual([
      "7 lanes/prp failure aaaaaaa",
      "7 lanes/lane success aaaaaaa",
      "7 lanes/prp success bbbbbbb",
    ]);
  });

  it("ignores runs that are not lanes gates, not on a lane branch or not completed, without touching Redis", async () => {
    nock.disableNetConnect();
    await h.send(
      "check_run",
      checkRun({ id: 9, gate: "ci/build", conclusion: "success", sha: "c".repeat(40) }),
    );
    await h.send(
      "check_run",
      checkRun({
        id: 10,
        gate: "lanes/prp",
        conclusion: "success",
        sha: "c".repeat(40),
        branch: "feature/x",
      }),
    );
    await h.send(
      "check_run",
      checkRun({ id: 11, gate: "lanes/prp", conclusion: null, sha: "c".repeat(40), action: "created" }),
    );
    expect(await h.redis.keys("lanes:{Codertocat/Hello-World}:*")).toEqual([]);
  });

  it("exports the first-try pass rate, gate attempts and durations on /metrics", async () => {
    nock.disableNetConnect();
    const sha = (c: string) => c.repeat(40);
    await h.send("check_run", checkRun({ id: 21, gate: "lanes/prp", conclusion: "success", sha: sha("d") }));
    await h.send("check_run", checkRun({ id: 22, gate: "lanes/lane", conclusion: "neutral", sha: sha("d") }));
    await h.send(
      "check_run",
      checkRun({
        id: 23,
        gate: "lanes/prp",
        conclusion: "failure",
        sha: sha("e"),
        branch: "lanes/docs/8-readme",
      }),
    );
    const now = Date.parse("2026-12-02T00:00:00Z");
    registerBoardMetrics(
      h.metrics.registry,
      async () => [{ repo: "Codertocat/Hello-World", store: h.store }],
      () => now,
    );
    const text = await h.metrics.registry.metrics();
    expect(text).toContain('lanes_gate_first_try_pass_ratio{repo="Codertocat/Hello-World"} 0.5');
    expect(text).toContain(
      'lanes_gate_runs_recent{repo="Codertocat/Hello-World",gate="lanes/prp",conclusion="failure"} 1',
    );
    expect(text).toContain(
      'lanes_gate_duration_seconds_median{repo="Codertocat/Hello-World",gate="lanes/prp"} 30',
    );
  });
});
