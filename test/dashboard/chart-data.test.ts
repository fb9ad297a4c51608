// The charts' series from the audit stream's transitions and the lanes' token counts.
import { describe, expect, it } from "vitest";
import { chartData } from "../../src/dashboard/chart-data.js";
import { redactText } from "../../src/dashboard/redact.js";
import {
  summarizeGateRuns,
  type AuditEntry,
  type GateRun,
  type LaneSnapshot,
} from "../../src/state/index.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-01T12:00:00Z");
let seq = 0;
const transition = (at: number, data: string): AuditEntry => ({
  id: `${at}-${seq++}`,
  type: "transition",
  at,
  data,
});

describe("chart data", () => {
  it("counts PRPs done per day, their median lead time, and hours spent waiting, blocked or with a person", () => {
    const audit = [
      transition(NOW - 2 * DAY, "4 (none) -> blocked"),
      transition(NOW - 2 * DAY + 3 * 3_600_000, "4 blocked -> queued"),
      transition(NOW - DAY, "4 queued -> active"),
      transition(NOW - DAY + 3_600_000, "4 active -> waiting"),
      transition(NOW - DAY + 2 * 3_600_000, "4 waiting -> active"),
      transition(NOW - 2_000, "4 review -> done"),
      transition(NOW - 10 * 3_600_000, "5 (none) -> queued"),
      transition(NOW - 1_000, "5 queued -> done"),
      { id: "x", type: "claimed", at: NOW, job: "j" },
    ];
    const data = chartData(audit, [], NOW, 3);
    expect(data.days).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(data.prpsDone).toEqual([0, 0, 2]);
    expect(data.leadTimeHours).toEqual([null, null, 29]); // median of 48 h and 10 h
    expect(data.leadTimeMedianHours).toBe(29);
    expect(data.hoursIn.blocked).toEqual([3, 0, 0]);
    expect(data.hoursIn.waiting).toEqual([0, 1, 0]);
  });

  it("sums tokens and cost per role and day from the lanes, and counts a local stack's done lanes", () => {
    const lane = (role: string, state: string, days: LaneSnapshot["days"]): LaneSnapshot => ({
      id: `${role}-${state}`,
      stack: "s",
      host: "h",
      role,
      issue: `${role}-prp`,
      title: "t",
      state,
      branch: "b",
      startedAt: 0,
      commits: 0,
      restarts: 0,
      tokens: 0,
      costUsd: 0,
      days,
      updatedAt: NOW,
    });
    const data = chartData(
      [],
      [
        lane("developer", "done", {
          "2026-12-01": { tokens: 100, costUsd: 0.5 },
          "2026-11-30": { tokens: 10, costUsd: 0.1 },
        }),
        lane("tester", "working", { "2026-12-01": { tokens: 7, costUsd: 0.02 } }),
      ],
      NOW,
      2,
    );
    expect(data.tokensByRole).toEqual({ developer: [10, 100], tester: [0, 7] });
    expect(data.costByRole).toEqual({ developer: [0.1, 0.5], tester: [0, 0.02] });
    expect(data.prpsDone).toEqual([0, 1]);
  });
});

describe("first-try gate pass rate and handoffs", () => {
  const run = (
    issue: number,
    id: string,
    gate: string,
    sha: string,
    conclusion: string,
    at: number,
  ): GateRun => ({
    id,
    issue,
    gate,
    sha,
    conclusion,
    branch: `lanes/dev/${issue}-x`,
    at,
    durationMs: null,
  });

  it("passes a PRP on the first try only when every gate's first result on its first commit passed", () => {
    const retried = summarizeGateRuns(1, [
      run(1, "1", "lanes/prp", "a", "failure", NOW - 5),
      run(1, "2", "lanes/prp", "a", "success", NOW - 4), // a re-run on the same commit does not make it first-try
      run(1, "3", "lanes/lane", "a", "success", NOW - 3),
    ]);
    const neutral = summarizeGateRuns(2, [
      run(2, "4", "lanes/prp", "b", "success", NOW - 5),
      run(2, "5", "lanes/lane", "b", "neutral", NOW - 4),
      run(2, "6", "lanes/prp", "c", "failure", NOW - 3), // a later commit does not undo the first try
    ]);
    expect(retried).toMatchObject({
      firstTryPass: false,
      latest: { "lanes/prp": "success", "lanes/lane": "success" },
    });
    expect(neutral).toMatchObject({ firstTryPass: true, headSha: "c", latest: { "lanes/prp": "failure" } });
    const early = summarizeGateRuns(3, [run(3, "7", "lanes/prp", "d", "success", NOW - DAY)]);
    const data = chartData(
      [
        { id: "h1", type: "handoff", at: NOW - DAY, data: "from: dev" },
        { id: "h2", type: "handoff", at: NOW, data: "from: qa" },
        { id: "h3", type: "handoff", at: NOW - 1, data: "from: dev" },
      ],
      [],
      NOW,
      3,
      [retried, neutral, early].flatMap((s) => (s ? [s] : [])),
    );
    expect(data.firstTryPassPercent).toEqual([null, 100, 50]);
    expect(data.firstTryPassRatio).toBe(0.667);
    expect(data.handoffs).toEqual([0, 1, 2]);
  });
});

describe("redaction of text shown on the page", () => {
  it("cuts tokens, passwords in URLs and the runner's absolute paths", () => {
    expect(redactText("push failed with ghp_abcdefghijklmnopqrstuvwxyz0123")).toBe(
      "push failed with [redacted]",
    );
    expect(redactText("redis://user:hunter2@db:6379 down")).toBe("redis://[redacted]@db:6379 down");
    expect(redactText("ENOENT: /home/runner/work/x/lanes/wt/brief.md")).toBe("ENOENT: …/brief.md");
    expect(redactText("see src/app/index.ts")).toBe("see src/app/index.ts");
  });
});
