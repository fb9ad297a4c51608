// New source files that are mostly comments around almost no code (e.g. a 4-line "service" that only
// says what it will do). Files that only import or re-export (index.ts, __init__.py) are not placeholders.
import { annotate, hasCode, type SourceFile } from "./source-file.js";
import type { Annotation } from "./types.js";

const MAX_CODE_LINES = 3;
const WIRING =
  /^\s*(?:import\b|export\s+(?:\*|\{[^}]*\}|type\s+\{[^}]*\})\s+from\b|export\s+\*|from\s+\S+\s+import\b|package\s+\w+|__all__\s*=|["'`].*["'`];?$)/;

export function findPlaceholderFile(file: SourceFile, isNewFile: boolean): Annotation[] {
  if (!isNewFile) return [];
  const code = file.lines.filter(hasCode);
  const comments = file.lines.filter((l) => l.comment !== "" && !hasCode(l));
  if (comments.length === 0 || code.length > MAX_CODE_LINES || comments.length <= code.length) return [];
  if (code.length > 0 && code.every((l) => WIRING.test(l.code) || /^[\s{}();]*$/.test(l.code))) return [];
  const last = file.lines.length - (file.lines[file.lines.length - 1]?.code.trim() === "" ? 1 : 0);
  return [
    annotate(
      file,
      1,
      Math.max(1, last),
      "failure",
      "Placeholder file",
      `${code.length} line(s) of code under ${comments.length} line(s) of comments: this file describes work instead of doing it.`,
    ),
  ];
}
