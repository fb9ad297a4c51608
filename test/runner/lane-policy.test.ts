import { describe, expect, it } from "vitest";
import {
  commitRuleAction,
  limitLineCount,
  resumeDue,
  usageLimitPause,
} from "../../src/runner/lane-policy.js";
import type { LaneRecord } from "../../src/runner/lane-record.js";

const MIN = 60_000;
const t0 = Date.parse("2026-07-01T10:00:00Z");

function lane(over: Partial<LaneRecord> = {}): LaneRecord {
  return {
    id: "j1",
    role: "developer",
    issue: 1,
    title: "t",
    branch: "b",
    worktree: "/w",
    window: "w",
    paneId: "%1",
    state: "working",
    briefed: true,
    sessionId: "11111111-2222-4333-8444-555555555555",
    sessionUsed: true,
    briefFile: "/stack/agents/j.brief.md",
    settingsFile: "/stack/agents/j.settings.json",
    permissionMode: "dontAsk",
    restarts: 0,
    startedAt: t0,
    commits: 0,
    limitAttempts: 0,
    limitLinesSeen: 0,
    lease: { jobId: "j1", token: "t", host: "h", agent: "a", leaseUntil: 0 },
    ...over,
  };
}

describe("commit rule", () => {
  it("does nothing within 30 minutes of the last commit or the lane's start", () => {
    expect(commitRuleAction(lane(), undefined, t0 + 29 * MIN)).toBe("none");
    expect(commitRuleAction(lane(), t0 + 20 * MIN, t0 + 49 * MIN)).toBe("none");
  });

  it("nudges at 30 minutes, then makes a WIP commit 5 minutes after an unanswered nudge", () => {
    expect(commitRuleAction(lane(), undefined, t0 + 30 * MIN)).toBe("nudge");
    const nudged = lane({ nudgedAt: t0 + 30 * MIN });
    expect(commitRuleAction(nudged, undefined, t0 + 34 * MIN)).toBe("none");
    expect(commitRuleAction(nudged, undefined, t0 + 35 * MIN)).toBe("wip-commit");
  });

  it("starts over after the agent commits, and leaves paused or finished lanes alone", () => {
    const nudged = lane({ nudgedAt: t0 + 30 * MIN });
    expect(commitRuleAction(nudged, t0 + 32 * MIN, t0 + 40 * MIN)).toBe("none");
    expect(commitRuleAction(nudged, t0 + 32 * MIN, t0 + 62 * MIN)).toBe("nudge");
    expect(commitRuleAction(lane({ state: "paused" }), undefined, t0 + 90 * MIN)).toBe("none");
  });
});

describe("usage-limit pauses (fake clock)", () => {
  // t0 is 10:00 UTC = 03:00 in Los Angeles = 06:00 in Santiago (winter, UTC-4).
  const cases: [string, string, string][] = [
    ["Claude AI usage limit reached|1782910800", "epoch", "2026-07-01T13:02:00.000Z"],
    [
      "Claude usage limit reached. Your limit will reset at 3pm (America/Santiago).",
      "Santiago 3pm",
      "2026-07-01T19:02:00.000Z",
    ],
    ["5-hour limit reached ∙ resets 9pm", "host zone 9pm", "2026-07-01T21:02:00.000Z"],
    [
      "You've hit your session limit · resets 12:50am (America/Los_Angeles)",
      "LA 12:50am tomorrow",
      "2026-07-02T07:52:00.000Z",
    ],
  ];

  for (const [text, label, resumeAt] of cases) {
    it(`pauses on "${label}" and resumes at ${resumeAt}, not before`, () => {
      const pause = usageLimitPause(lane(), `working…\n${text}\n> `, t0, "UTC");
      expect(pause && new Date(pause.pausedUntil).toISOString()).toBe(resumeAt);
      const paused = lane({
        state: "paused",
        pausedUntil: pause?.pausedUntil,
        limitLinesSeen: pause?.limitLinesSeen,
      });
      expect(resumeDue(paused, Date.parse(resumeAt) - 1000)).toBe(false);
      expect(resumeDue(paused, Date.parse(resumeAt))).toBe(true);
      // the same message still on screen after the resume is not a new limit
      expect(
        usageLimitPause(
          { ...paused, state: "working" },
          `working…\n${text}\n> `,
          Date.parse(resumeAt),
          "UTC",
        ),
      ).toBeUndefined();
    });
  }

  it("re-probes with backoff when the limit shows again after a resume (the stated time was wrong)", () => {
    const after = lane({ limitAttempts: 1, limitLinesSeen: 1 });
    const screen = "5-hour limit reached ∙ resets 9pm\n…\n5-hour limit reached ∙ resets 9pm\n";
    const now = Date.parse("2026-07-01T21:03:00Z");
    const pause = usageLimitPause(after, screen, now, "UTC");
    expect(pause && new Date(pause.pausedUntil).toISOString()).toBe("2026-07-01T21:08:00.000Z");
  });

  it("counts the limit lines still on screen, so a new message after old ones scrolled out is news", () => {
    const line = "5-hour limit reached ∙ resets 9pm";
    expect(limitLineCount(`${line}\nwork\n${line}\n`, new Date(t0), "UTC")).toBe(2);
    // The driver lowers limitLinesSeen to what is on screen; the next message then pauses again.
    const scrolled = { ...lane(), limitLinesSeen: 0 };
    expect(
      usageLimitPause(scrolled, `work\n${line}\n`, Date.parse("2026-07-01T20:00:00Z"), "UTC"),
    ).toBeDefined();
    expect(
      usageLimitPause(
        { ...lane(), limitLinesSeen: 2 },
        `work\n${line}\n`,
        Date.parse("2026-07-01T20:00:00Z"),
        "UTC",
      ),
    ).toBeUndefined();
  });

  it("ignores panes without a limit message", () => {
    expect(usageLimitPause(lane(), "all 42 tests passed\n", t0, "UTC")).toBeUndefined();
  });
});
