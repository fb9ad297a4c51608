// "Did you mean …?": the known word a user probably meant ("priorty" → "priority", "develper" →
// "developer"), by edit distance. Pure string code; imports nothing.

/**
 * Edit distance where inserting, deleting or substituting a character, or swapping two adjacent
 * ones ("rolse" → "roles"), each cost 1 (optimal string alignment).
 */
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
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] as number) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1] as number;
}

/** Edits a word of this length may be from a known one and still count as its typo: a third, 1 to 3. */
export function typoTolerance(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 3)));
}

/** Longer inputs cannot be typos of our short words; skip the quadratic work. */
const LONGEST_TYPO = 40;

/**
 * The candidate closest to `word` (case-insensitive; ties go to the earlier candidate), or undefined
 * when none is within `typoTolerance` of the word's length. Failing that, a candidate that starts
 * with the word (3+ letters) counts as its abbreviation: "monitor" → "monitoringops".
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  if (needle.length > LONGEST_TYPO) return undefined;
  const limit = typoTolerance(needle.length);
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip words that cannot be close.
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance))
      best = { word: candidate, distance };
  }
  if (best !== undefined) return best.word;
  if (needle.length < 3) return undefined;
  return candidates.find((candidate) => candidate.toLowerCase().startsWith(needle));
}
