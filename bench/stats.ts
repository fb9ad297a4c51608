// Shared benchmark arithmetic: timings, percentiles and the result shape every bench prints.
import { performance } from "node:perf_hooks";

export interface BenchResult {
  name: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  /** The same work done the naive way, in the same process. */
  baseline?: { name: string; median_ms: number; p95_ms: number };
  /** baseline median / our median: above 1 means Lanes is faster. */
  ratio?: number;
  [extra: string]: unknown;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank] as number);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `fn` n times (after `warmup` unmeasured runs) and returns each duration in ms. */
export async function time(fn: () => Promise<unknown> | unknown, n: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function summarize(
  name: string,
  samples: readonly number[],
  extra: Record<string, unknown> = {},
): BenchResult {
  return { name, n: samples.length, median_ms: median(samples), p95_ms: percentile(samples, 95), ...extra };
}

/** A result for `ours` with `baseline` attached and the ratio baseline/ours. */
export function compare(ours: BenchResult, baseline: BenchResult): BenchResult {
  return {
    ...ours,
    baseline: { name: baseline.name, median_ms: baseline.median_ms, p95_ms: baseline.p95_ms },
    ratio: round(baseline.median_ms / ours.median_ms, 2),
  };
}
