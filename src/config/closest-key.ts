// Suggests the key a user probably meant ("priorty" → "priority"), by edit distance. Pure; no I/O.

/**
 * Edit distance where inserting, deleting or substituting a character, or swapping two adjacent
 * ones ("rolse" → "roles"), each cost 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
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
