// YAML read with the `yaml` package's document API: the value, and the line every key and list item is
// written on. Core schema only (no dates, no custom or executable tags: an unknown tag is an error), one
// document, unique keys, and a bound on what aliases and nesting may expand to, so a bomb is refused.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

export const MAX_YAML_VALUES = 10_000;
export const MAX_YAML_DEPTH = 64;
/** How many alias uses a document may have before it is taken for an expansion attack. */
const MAX_ALIASES = 100;

export type KeyPath = readonly (string | number)[];

export type YamlRead =
  | {
      ok: true;
      value: unknown;
      /** 1-based line of `path` (a key, or a list item), or of its nearest written ancestor. */
      lineOf: (path: KeyPath) => number | undefined;
    }
  /** 1-based `at` within the text given to readYaml; absent when the document as a whole is refused. */
  | { ok: false; at?: { line: number; column: number }; message: string };

export function readYaml(text: string): YamlRead {
  if (nestsTooDeep(text)) return { ok: false, message: tooBigMessage };
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  } catch (error) {
    // The parser recurses: pathological input (thousands of `x: ` on one line) can overflow the stack.
    return {
      ok: false,
      message: `cannot be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  // Warnings are refusals too: an unresolved tag (`!!js/function`) would otherwise read as a string.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const { line, col } = lines.linePos(problem.pos[0]);
    return { ok: false, at: { line, column: col }, message: problem.message };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // An alias bomb, an alias before its anchor, or nesting deep enough to overflow the stack.
    const tooBig = error instanceof RangeError || /alias count/i.test(String(error));
    const message = tooBig ? tooBigMessage : error instanceof Error ? error.message : String(error);
    return { ok: false, message };
  }
  if (!withinBounds(value)) return { ok: false, message: tooBigMessage };
  const lineAt = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  return {
    ok: true,
    value,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line: number | undefined;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          line = lineAt(pair.key as Node);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          const item = node.items[segment] as Node | undefined;
          if (!item) break;
          line = lineAt(item) ?? line;
          node = item;
        } else break;
      }
      return line;
    },
  };
}

const tooBigMessage = `aliases or nesting expand to more than ${MAX_YAML_VALUES} values or ${MAX_YAML_DEPTH} levels (alias bomb?)`;

/** Indentation past this many columns is nesting no reader needs (64 levels of 4 spaces). */
const MAX_INDENT = 4 * MAX_YAML_DEPTH;

/**
 * A cheap bound checked before parsing: the parser recurses once per nesting level, and a few thousand
 * levels (`x: x: x: …` on one line, `[[[…`, ever deeper indentation) cost it seconds. Counts indentation,
 * compact indicators per line (`- `, `? `, `: `) and open flow brackets, ignoring quoting: generous.
 */
function nestsTooDeep(text: string): boolean {
  let flow = 0;
  for (const line of text.split("\n")) {
    if (line.length - line.trimStart().length > MAX_INDENT) return true;
    if ((line.match(/[-?:](?=[ \t]|$)/g)?.length ?? 0) > MAX_YAML_DEPTH) return true;
    for (const bracket of line.match(/[[\]{}]/g) ?? []) {
      flow = bracket === "[" || bracket === "{" ? flow + 1 : Math.max(0, flow - 1);
      if (flow > MAX_YAML_DEPTH) return true;
    }
  }
  return false;
}

/** Counts values as a reader would see them, aliases expanded; stops as soon as the bound is passed. */
function withinBounds(root: unknown): boolean {
  let budget = MAX_YAML_VALUES;
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    budget -= 1;
    if (budget < 0 || depth > MAX_YAML_DEPTH) return false;
    if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}
