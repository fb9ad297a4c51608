// Typo suggestions for PRP keys and values: the nearest known word by edit distance (with
// transpositions), or nothing when no word is close enough to be a plausible misspelling.

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const cols = b.length + 1;
  // Three rolling rows (two back, one back, current) are all the transposition rule needs.
  let before = new Int32Array(cols);
  let previous = Int32Array.from({ length: cols }, (_, j) => j);
  let current = new Int32Array(cols);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1] as number;
}

/** How far a word may be from a known one and still count as its misspelling. */
function tolerance(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/** The candidate closest to `word` within the typo tolerance, or undefined. Ties go to the earlier candidate. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  // Long inputs cannot be typos of our short keys; skip the quadratic work.
  if (word.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip words that cannot be close.
    if (Math.abs(candidate.length - word.length) > tolerance(candidate)) continue;
    const distance = editDistance(word, candidate);
    if (distance > 0 && distance <= tolerance(candidate) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
