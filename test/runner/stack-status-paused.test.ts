import { describe, expect, it } from "vitest";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { renderStackStatus, stackStatus } from "../../src/runner/stack-status.js";

const lane = (patch: Partial<LaneRecord>): LaneRecord => ({
  id: "job-1",
  role: "developer",
  issue: 1,
  title: "Rate limits",
  branch: "lanes/developer/1-rate-limits",
  worktree: "/tmp/x",
  window: "developer-1",
  paneId: "%1",
  state: "working",
  sessionId: "s",
  sessionUsed: true,
  briefFile: "b",
  settingsFile: "s",
  permissionMode: "dontAsk",
  briefed: true,
  restarts: 0,
  startedAt: 0,
  commits: 0,
  limitAttempts: 0,
  limitLinesSeen: 0,
  lease: { jobId: "job-1", token: "t", host: "h", agent: "a", leaseUntil: 0 },
  ...patch,
});

describe("stack status of a paused lane (issue 17, item 5)", () => {
  const until = Date.UTC(2026, 11, 2, 3, 2, 0);

  it("says when it resumes, in the table and the JSON value", () => {
    const status = stackStatus(
      "s",
      [lane({ state: "paused", pausedUntil: until, note: "usage limit; resets 3am (UTC)" })],
      [],
      0,
    );
    expect(status.lanes[0]?.resumesAt).toBe("2026-12-02T03:02:00.000Z");
    const table = renderStackStatus(status);
    expect(table).toContain("↳ resumes at 2026-12-02T03:02:00Z");
    expect(table).toContain("↳ usage limit; resets 3am (UTC)");
  });

  it("a lane no longer paused has no resume time, even with an old one on record", () => {
    const status = stackStatus("s", [lane({ state: "working", pausedUntil: until })], [], 0);
    expect(status.lanes[0]?.resumesAt).toBeNull();
    expect(renderStackStatus(status)).not.toContain("resumes at");
  });
});
