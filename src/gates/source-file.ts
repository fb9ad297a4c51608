// A lexed file plus the offsets rules need: which lines are added, where each line starts, matching braces.
import { COMMENT_MARK, lexSource, type Language, type LexedLine } from "./source-lexer.js";
import type { Annotation, AnnotationLevel } from "./types.js";

export interface SourceFile {
  path: string;
  language: Language;
  lines: LexedLine[];
  /** Lines added by the lane (1-based). */
  added: ReadonlySet<number>;
  /** `bare` lines joined with "\n": strings blanked, comments marked. */
  bare: string;
  lineAt(offset: number): number;
  /** Offset of the bracket closing the one at `open` (`{` or `(`), or undefined when unbalanced. */
  closing(open: number): number | undefined;
}

export function sourceFile(
  path: string,
  language: Language,
  text: string,
  added: ReadonlySet<number>,
): SourceFile {
  const lines = lexSource(text, language);
  const bare = lines.map((l) => l.bare).join("\n");
  const starts: number[] = [0];
  for (let i = 0; i < bare.length; i++) if (bare[i] === "\n") starts.push(i + 1);
  return {
    path,
    language,
    lines,
    added,
    bare,
    lineAt(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    closing(open) {
      const [o, c] = bare[open] === "(" ? ["(", ")"] : ["{", "}"];
      let depth = 0;
      for (let i = open; i < bare.length; i++) {
        if (bare[i] === o) depth++;
        else if (bare[i] === c && --depth === 0) return i;
      }
      return undefined;
    },
  };
}

/** True when the line has code other than comments and whitespace. */
export function hasCode(line: LexedLine): boolean {
  return line.bare.replaceAll(COMMENT_MARK, "").trim().length > 0;
}

export function annotate(
  file: SourceFile,
  start: number,
  end: number,
  level: AnnotationLevel,
  title: string,
  message: string,
): Annotation {
  return { path: file.path, startLine: start, endLine: end, level, title, message };
}

/** True when any line in [start, end] was added by the lane. */
export function touchesAdded(file: SourceFile, start: number, end: number): boolean {
  for (let line = start; line <= end; line++) if (file.added.has(line)) return true;
  return false;
}
