// Typo suggestions for PRP keys and values: the nearest known word by edit distance (with
// transpositions), or nothing when no word is close enough to be a plausible misspelling.
// eslint-disable-next-line boundaries/dependencies -- issue 11: replaced by src/text
import { editDistance } from "../config/closest-key.js";

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
