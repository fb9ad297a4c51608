// Tokens and cost of a lane from its Claude Code transcript (JSONL, `transcript_path` of every hook):
// the usage of each assistant message, per model and per UTC day. Claude Code writes one line per
// content block of a message, each repeating the message's usage, so lines are de-duplicated by
// message id (the last line of a message wins: it carries the final output count).
import { readFile } from "node:fs/promises";
import type { Price } from "../config/usage-schema.js";

export interface TokenCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface Spend {
  tokens: number;
  costUsd: number;
}

export interface LaneUsage extends Spend {
  /** Tokens by model id as the transcript names it (e.g. claude-sonnet-4-5-20250929). */
  models: Record<string, TokenCounts>;
  /** Tokens and cost by UTC day (YYYY-MM-DD), for daily budgets. */
  days: Record<string, Spend>;
}

interface MessageUsage {
  model: string;
  day: string;
  counts: TokenCounts;
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The usage one transcript line reports, keyed by its message id; undefined for any other line. */
function lineUsage(line: string): [string, MessageUsage] | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined; // a torn last line while Claude Code is still writing
  }
  if (!isRecord(entry) || entry.type !== "assistant" || !isRecord(entry.message)) return undefined;
  const { id, model, usage } = entry.message;
  if (typeof id !== "string" || typeof model !== "string" || model === "<synthetic>" || !isRecord(usage))
    return undefined;
  const day = typeof entry.timestamp === "string" ? entry.timestamp.slice(0, 10) : "unknown";
  return [
    id,
    {
      model,
      day,
      counts: {
        input: count(usage.input_tokens),
        output: count(usage.output_tokens),
        cacheRead: count(usage.cache_read_input_tokens),
        cacheWrite: count(usage.cache_creation_input_tokens),
      },
    },
  ];
}

/** The price of a model: the longest key of the table its id contains (`sonnet`, `claude-opus-4-1`). */
export function priceFor(model: string, prices: Readonly<Record<string, Price>>): Price | undefined {
  const key = Object.keys(prices)
    .filter((k) => model.includes(k))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? undefined : prices[key];
}

export function tokensOf(counts: TokenCounts): number {
  return counts.input + counts.output + counts.cacheRead + counts.cacheWrite;
}

export function costOf(counts: TokenCounts, price: Price | undefined): number {
  if (!price) return 0;
  const usd =
    counts.input * price.input +
    counts.output * price.output +
    counts.cacheRead * price.cache_read +
    counts.cacheWrite * price.cache_write;
  return usd / 1_000_000;
}

const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

/** Totals of a transcript's text; models without a price count tokens at no cost. */
export function transcriptUsage(text: string, prices: Readonly<Record<string, Price>>): LaneUsage {
  const messages = new Map<string, MessageUsage>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const found = lineUsage(line);
    if (found) messages.set(found[0], found[1]);
  }
  const usage: LaneUsage = { tokens: 0, costUsd: 0, models: {}, days: {} };
  for (const { model, day, counts } of messages.values()) {
    const sum = (usage.models[model] ??= { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
    sum.input += counts.input;
    sum.output += counts.output;
    sum.cacheRead += counts.cacheRead;
    sum.cacheWrite += counts.cacheWrite;
    const tokens = tokensOf(counts);
    const cost = costOf(counts, priceFor(model, prices));
    const today = (usage.days[day] ??= { tokens: 0, costUsd: 0 });
    today.tokens += tokens;
    today.costUsd = roundUsd(today.costUsd + cost);
    usage.tokens += tokens;
    usage.costUsd = roundUsd(usage.costUsd + cost);
  }
  return usage;
}

export async function readTranscriptUsage(
  path: string,
  prices: Readonly<Record<string, Price>>,
): Promise<LaneUsage> {
  return transcriptUsage(await readFile(path, "utf8"), prices);
}

/** One lane's usage as totals over its models: what the PRP's status comment and /metrics show. */
export function usageTotals(usage: LaneUsage): TokenCounts & Spend {
  const totals = {
    input: 0,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    tokens: usage.tokens,
    costUsd: usage.costUsd,
  };
  for (const counts of Object.values(usage.models)) {
    totals.input += counts.input;
    totals.output += counts.output;
    totals.cacheRead += counts.cacheRead;
    totals.cacheWrite += counts.cacheWrite;
  }
  return totals;
}
