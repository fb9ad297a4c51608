import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES } from "../../src/config/usage-schema.js";
import { priceFor, readTranscriptUsage, transcriptUsage } from "../../src/runner/transcript-usage.js";

const FIXTURE = "test/fixtures/transcripts/lane-session.jsonl";

describe("tokens and cost from a Claude Code transcript", () => {
  it("sums each message once per model and day, skipping synthetic messages and a torn last line", async () => {
    const usage = await readTranscriptUsage(FIXTURE, DEFAULT_PRICES);
    expect(usage.models).toEqual({
      // msg_01A is written twice (thinking, then tool_use): its last line counts, once
      "claude-sonnet-4-5-20250929": { input: 8, output: 255, cacheRead: 12_000, cacheWrite: 12_300 },
      "claude-haiku-4-5-20251001": { input: 800, output: 40, cacheRead: 0, cacheWrite: 0 },
    });
    expect(usage.tokens).toBe(25_403);
    // sonnet: 8×3 + 255×15 + 12 000×0.30 + 12 300×3.75 = 53 574 µ$; haiku: 800×1 + 40×5 = 1 000 µ$
    expect(usage.costUsd).toBeCloseTo(0.054574, 9);
    expect(usage.days).toEqual({
      "2026-11-30": { tokens: 24_563, costUsd: 0.053574 },
      "2026-12-01": { tokens: 840, costUsd: 0.001 },
    });
  });

  it("prices a model by the longest key its id contains, and a model without a price at zero", async () => {
    expect(priceFor("claude-opus-4-1-20250805", DEFAULT_PRICES)?.output).toBe(75);
    expect(priceFor("claude-opus-4-5-20251101", DEFAULT_PRICES)?.output).toBe(25);
    const text = await readFile(FIXTURE, "utf8");
    const usage = transcriptUsage(text, { sonnet: { input: 1, output: 1, cache_read: 1, cache_write: 1 } });
    expect(usage.tokens).toBe(25_403);
    expect(usage.costUsd).toBeCloseTo(24_563 / 1_000_000, 9);
  });
});
