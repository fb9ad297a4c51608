import { describe, expect, it } from "vitest";
import { detectUsageLimit, nextClockTime, planResume, reprobeDelayMs } from "../../src/runner/usage-limit.js";

const at = (iso: string) => new Date(iso);

describe("detectUsageLimit", () => {
  it("reads the epoch form and resumes two minutes after it", () => {
    const found = detectUsageLimit("foo\nClaude AI usage limit reached|1767225600\n> ", {
      now: at("2025-12-31T20:00:00Z"),
    });
    expect(found?.source).toBe("epoch");
    expect(found?.resetAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(found?.resumeAt.toISOString()).toBe("2026-01-01T00:02:00.000Z");
  });

  it("accepts an epoch in milliseconds", () => {
    const found = detectUsageLimit("Claude AI usage limit reached|1767225600000", {
      now: at("2025-12-31T20:00:00Z"),
    });
    expect(found?.resetAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("reads 'Your limit will reset at 3pm (America/Santiago).' in Santiago time", () => {
    // 2026-01-15: Santiago is on summer time, UTC-3, so 3pm there is 18:00 UTC.
    const text = "Claude usage limit reached. Your limit will reset at 3pm (America/Santiago).";
    const found = detectUsageLimit(text, { now: at("2026-01-15T12:00:00Z"), hostTimeZone: "UTC" });
    expect(found?.timeZone).toBe("America/Santiago");
    expect(found?.resetAt.toISOString()).toBe("2026-01-15T18:00:00.000Z");
    expect(found?.resumeAt.toISOString()).toBe("2026-01-15T18:02:00.000Z");
  });

  it("reads '5-hour limit reached ∙ resets 9pm' in the host's zone", () => {
    const found = detectUsageLimit("5-hour limit reached ∙ resets 9pm", {
      now: at("2026-03-02T10:00:00Z"),
      hostTimeZone: "Europe/Berlin",
    });
    expect(found?.timeZone).toBe("Europe/Berlin");
    expect(found?.resetAt.toISOString()).toBe("2026-03-02T20:00:00.000Z");
  });

  it("reads 'You've hit your session limit · resets 12:50am (America/Los_Angeles)' and rolls to the next day", () => {
    const text = "You've hit your session limit · resets 12:50am (America/Los_Angeles)";
    // 2026-07-01T10:00Z is 03:00 in Los Angeles (PDT, UTC-7): 12:50am today has passed.
    const found = detectUsageLimit(text, { now: at("2026-07-01T10:00:00Z"), hostTimeZone: "UTC" });
    expect(found?.resetAt.toISOString()).toBe("2026-07-02T07:50:00.000Z");
  });

  it("uses the host zone when the stated zone is unknown", () => {
    const found = detectUsageLimit("limit reached · resets 9pm (Mars/Olympus)", {
      now: at("2026-03-02T10:00:00Z"),
      hostTimeZone: "UTC",
    });
    expect(found?.timeZone).toBe("UTC");
    expect(found?.resetAt.toISOString()).toBe("2026-03-02T21:00:00.000Z");
  });

  it("takes the most recent message in a captured pane", () => {
    const pane =
      "5-hour limit reached ∙ resets 9pm\nworking…\nYou've hit your session limit · resets 11pm (UTC)\n";
    const found = detectUsageLimit(pane, { now: at("2026-03-02T10:00:00Z"), hostTimeZone: "UTC" });
    expect(found?.resetAt.toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("ignores ordinary text, including 'reset' without a limit message, and impossible times", () => {
    const now = at("2026-03-02T10:00:00Z");
    expect(detectUsageLimit("git reset at 3pm is fine", { now })).toBeUndefined();
    expect(detectUsageLimit("rate limit reached, resets 13pm", { now })).toBeUndefined();
    expect(detectUsageLimit("all tests passed", { now })).toBeUndefined();
  });
});

describe("nextClockTime", () => {
  it("crosses a DST change correctly (Berlin spring forward)", () => {
    // 2026-03-29 clocks go from 02:00 to 03:00 in Berlin; 9am that day is 07:00 UTC.
    expect(nextClockTime(at("2026-03-28T22:00:00Z"), 9, 0, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("treats noon and midnight in 12-hour form correctly through detect", () => {
    const now = at("2026-03-02T10:00:00Z");
    expect(
      detectUsageLimit("limit reached ∙ resets 12pm", { now, hostTimeZone: "UTC" })?.resetAt.toISOString(),
    ).toBe("2026-03-02T12:00:00.000Z");
    expect(
      detectUsageLimit("limit reached ∙ resets 12am", { now, hostTimeZone: "UTC" })?.resetAt.toISOString(),
    ).toBe("2026-03-03T00:00:00.000Z");
  });
});

describe("planResume", () => {
  const now = at("2026-03-02T21:03:00Z");
  const found = detectUsageLimit("5-hour limit reached ∙ resets 9pm", { now, hostTimeZone: "UTC" });

  it("trusts the stated time the first time", () => {
    expect(found && planResume(found, now, 0).toISOString()).toBe("2026-03-03T21:02:00.000Z");
  });

  it("re-probes with growing backoff when the stated time proved wrong, not a day later", () => {
    expect(found && planResume(found, now, 1).toISOString()).toBe("2026-03-02T21:08:00.000Z");
    expect(found && planResume(found, now, 2).toISOString()).toBe("2026-03-02T21:13:00.000Z");
    expect(reprobeDelayMs(3)).toBe(20 * 60_000);
    expect(reprobeDelayMs(99)).toBe(60 * 60_000);
  });

  it("still takes a fresh stated reset when it is sooner than the backoff", () => {
    const fresh = detectUsageLimit("limit reached · resets 9:05pm (UTC)", { now, hostTimeZone: "UTC" });
    expect(fresh && planResume(fresh, now, 3).toISOString()).toBe("2026-03-02T21:07:00.000Z");
  });
});
