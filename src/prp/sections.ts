// The markdown outline of a PRP body: headings (outside code fences) with the text under each, the
// title (first H1), and success criteria from `- [ ]` / `- [x]` checklists under a criteria heading.
import type { Criterion, Section } from "./schema.js";

export interface OutlineLine {
  text: string;
  /** 1-based line in the original PRP text. */
  line: number;
  /** Inside a fenced code block (or its fence line). */
  fenced: boolean;
  /** For fenced lines: the opening fence (with its info string), a code line, or the closing fence. */
  fence?: "open" | "code" | "close";
}

/** Marks which lines sit inside ``` or ~~~ fences; a fence closes with the same character, at least as long. */
export function outline(body: string, firstLine: number): OutlineLine[] {
  let fence: string | undefined;
  return body.split("\n").map((text, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    const line = firstLine + index;
    if (marker && fence === undefined) {
      fence = marker;
      return { text, line, fenced: true, fence: "open" };
    }
    if (
      marker &&
      fence !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      text.trim() === marker
    ) {
      fence = undefined;
      return { text, line, fenced: true, fence: "close" };
    }
    return fence === undefined ? { text, line, fenced: false } : { text, line, fenced: true, fence: "code" };
  });
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** Every heading with the text under it, up to the next heading of the same or a higher level. */
export function sectionsOf(lines: readonly OutlineLine[]): Section[] {
  const heads: { index: number; level: number; heading: string }[] = [];
  lines.forEach((l, index) => {
    const match = l.fenced ? null : HEADING.exec(l.text);
    if (match)
      heads.push({ index, level: (match[1] as string).length, heading: (match[2] as string).trim() });
  });
  const ends = sectionEnds(heads, lines.length);
  return heads.map((head, n) => {
    const end = ends[n] as number;
    const body = lines
      .slice(head.index + 1, end)
      .map((l) => l.text)
      .join("\n")
      .trim();
    return { heading: head.heading, level: head.level, line: (lines[head.index] as OutlineLine).line, body };
  });
}

/** For each heading, the index of the next heading of the same or a higher level (one pass, a stack). */
export function sectionEnds(heads: readonly { index: number; level: number }[], total: number): number[] {
  const ends = heads.map(() => total);
  const open: number[] = [];
  heads.forEach((head, n) => {
    while (
      open.length > 0 &&
      (heads[open[open.length - 1] as number] as { level: number }).level >= head.level
    ) {
      ends[open.pop() as number] = head.index;
    }
    open.push(n);
  });
  return ends;
}

/** Sections with the index of their heading line and of the line their text ends before. */
export function spansOf(
  lines: readonly OutlineLine[],
  sections: readonly Section[],
): (Section & { index: number; end: number })[] {
  const indexOf = new Map(lines.map((l, i) => [l.line, i]));
  const heads = sections.map((s) => ({ ...s, index: indexOf.get(s.line) ?? 0 }));
  const ends = sectionEnds(heads, lines.length);
  return heads.map((h, n) => ({ ...h, end: ends[n] as number }));
}

/** The first H1's text with markdown emphasis and a `PRP-12:`-style prefix left as written. */
export function titleOf(sections: readonly Section[]): string | undefined {
  const h1 = sections.find((s) => s.level === 1 && s.heading.length > 0);
  return h1?.heading.replace(/\*\*|__|`/g, "").trim() || undefined;
}

export const CRITERIA_HEADING = /success criteria|acceptance criteria|definition of done/i;
const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*\S)\s*$/;

/** Templates without a criteria section keep their checks here (e.g. "Final Validation Checklist"). */
export const FALLBACK_CRITERIA_HEADING = /checklist|success definition|success metrics/i;

/**
 * Checklist items under every criteria heading (any level, nested headings included), each once;
 * when there are none, the checklist items under a validation-checklist heading instead.
 */
export function criteriaOf(lines: readonly OutlineLine[], sections: readonly Section[]): Criterion[] {
  const primary = checklistUnder(lines, sections, CRITERIA_HEADING);
  return primary.length > 0 ? primary : checklistUnder(lines, sections, FALLBACK_CRITERIA_HEADING);
}

function checklistUnder(
  lines: readonly OutlineLine[],
  sections: readonly Section[],
  heading: RegExp,
): Criterion[] {
  const found = new Map<number, Criterion>();
  for (const head of spansOf(lines, sections)) {
    if (!heading.test(head.heading)) continue;
    for (const l of lines.slice(head.index + 1, head.end)) {
      const match = l.fenced ? null : CHECKBOX.exec(l.text);
      if (match && !found.has(l.line)) {
        found.set(l.line, { text: (match[2] as string).trim(), checked: match[1] !== " ", line: l.line });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}
