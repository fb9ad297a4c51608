// Words for matching criteria to code: identifiers split at camelCase and snake_case, lower-cased,
// crudely stemmed ("limiting", "limited", "limits" → "limit"), stop words dropped.

const STOP = new Set(
  (
    "the and for with that this are is be was were when each per all any not from into after before should must can will " +
    "has have had its it an a of to in on or by as at if then than so such only also which who what when where how there " +
    "their them they our we you your one two new use used using via add make sure work works correctly properly"
  ).split(" "),
);

export function stem(word: string): string {
  for (const suffix of ["ing", "ied", "ies", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const root = word.slice(0, -suffix.length);
      return suffix === "ied" || suffix === "ies" ? `${root}y` : root;
    }
  }
  return word;
}

/** The words of a text or of code identifiers, lower-cased and stemmed. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(stem);
}

/** The distinctive words of a criterion: numbers and words of three letters or more that are not stop words. */
export function keywords(text: string): string[] {
  const raw = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => (/^\d+$/.test(w) || w.length >= 3) && !STOP.has(w));
  return [...new Set(raw.map(stem))];
}
