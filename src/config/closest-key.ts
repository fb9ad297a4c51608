// Suggests the key a user probably meant ("priorty" → "priority"), by edit distance. Pure; no I/O.

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

/**
 * The candidate closest to `word` (case-insensitive), or undefined when none is close enough to be a
 * plausible typo: at most a third of the word's length (minimum 1, maximum 3) edits away.
 * Failing that, a candidate that starts with the word (3+ letters) counts: "monitor" → "monitoringops".
 */
export function closestKey(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    const distance = editDistance(needle, key.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  if (best !== undefined) return best.key;
  if (needle.length < 3) return undefined;
  return candidates.find((key) => key.toLowerCase().startsWith(needle));
}
