// Bors-style bisection: given the commits after each merge step and a combination that fails
// validation, finds the first step whose merge makes it fail (about log2 N validations).

import type { ValidationRun, Validator } from "./validate-commit.js";

export type BisectResult =
  /** Step `index` (0-based) is the first failing one; `run` is its failing validation. */
  | { kind: "culprit"; index: number; run: ValidationRun; validations: number }
  /** The base itself fails: no lane is to blame. */
  | { kind: "base-fails"; run: ValidationRun; validations: number };

/** `commits[i]` is the integration after step i; the last one is known to fail with `lastRun`. */
export async function bisect(
  baseCommit: string,
  commits: readonly string[],
  lastRun: ValidationRun,
  validate: Validator,
): Promise<BisectResult> {
  const runs = new Map<number, ValidationRun>([[commits.length - 1, lastRun]]);
  let validations = 0;
  const runAt = async (index: number): Promise<ValidationRun> => {
    const known = runs.get(index);
    if (known) return known;
    validations += 1;
    const run = await validate(index < 0 ? baseCommit : (commits[index] as string));
    runs.set(index, run);
    return run;
  };
  // Invariant: step `high` fails; every step before `low` passes.
  let low = 0;
  let high = commits.length - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await runAt(mid)).ok) low = mid + 1;
    else high = mid;
  }
  if (high === 0) {
    const baseRun = await runAt(-1);
    if (!baseRun.ok) return { kind: "base-fails", run: baseRun, validations };
  }
  return { kind: "culprit", index: high, run: runs.get(high) as ValidationRun, validations };
}
