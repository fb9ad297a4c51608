// Where each top-level key of a YAML-ish block sits in the original text, so errors can name the line.
// js-yaml does not report positions for values, so the lines are found from the text itself.

const KEY_LINE = /^(?:"([^"]*)"|'([^']*)'|([^\s#:"'\-[{][^:]*?|-[^\s:][^:]*?))[ \t]*:(?:[ \t]|$)/;

/** The key written at the start of a line (no indentation), or undefined. */
export function keyOfLine(line: string): string | undefined {
  const match = KEY_LINE.exec(line);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3];
}

/** 1-based line of the first occurrence of every top-level key in `lines`, which start at line `firstLine`. */
export function keyLines(lines: readonly string[], firstLine: number): Map<string, number> {
  const found = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = keyOfLine(line);
    if (key !== undefined && !found.has(key)) found.set(key, firstLine + index);
  });
  return found;
}

/** Finds the line of the n-th `- item` of a block list under the key on `keyLine`, or the key's line. */
export function itemLine(
  lines: readonly string[],
  firstLine: number,
  keyLine: number,
  index: number,
): number {
  let seen = -1;
  for (let i = keyLine - firstLine + 1; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    if (!/^\s/.test(line) && !line.startsWith("- ")) break;
    if (/^\s*- /.test(line) || /^\s*-$/.test(line)) {
      seen += 1;
      if (seen === index) return firstLine + i;
    }
  }
  return keyLine;
}

/** Whether a block reads like `key: value` lines (so a YAML error in it is an error, not prose). */
export function looksLikeMapping(lines: readonly string[]): boolean {
  const content = lines.filter((l) => l.trim() !== "" && !/^\s*#/.test(l) && !/^\s/.test(l));
  if (content.length === 0) return false;
  const keyed = content.filter(
    (l) => keyOfLine(l) !== undefined && !/\s/.test((keyOfLine(l) as string).trim()),
  );
  return keyOfLine(content[0] as string) !== undefined && keyed.length * 2 >= content.length;
}
