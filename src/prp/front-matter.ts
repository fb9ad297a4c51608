// Splits `---` front matter from a PRP and reads it as YAML through the shared reader: core schema
// only, bounded, never executed. A fence naming another language (`---js`) is refused, never run.
import { readYaml, type KeyPath } from "../text/read-yaml.js";
import { classifyKey, isRecognisedKey } from "./classify-key.js";
import { keyOfLine } from "./key-of-line.js";
import { isMapping } from "./load-yaml.js";
import type { ParseIssue } from "./schema.js";

export type FrontMatter =
  | { kind: "none" }
  /** A YAML mapping: `lineOf` gives the 1-based line of a key or list item; the body starts on `bodyLine`. */
  | {
      kind: "mapping";
      data: Record<string, unknown>;
      lineOf: (path: KeyPath) => number | undefined;
      body: string;
      bodyLine: number;
    }
  /** A fenced block that is not metadata (prose, a rule, a template's note): the whole text is the body. */
  | { kind: "prose"; warning: ParseIssue }
  /** A block meant as metadata that cannot be read: the error, and the body after it. */
  | { kind: "invalid"; error: ParseIssue; body: string; bodyLine: number };

const OPEN = /^---([^\n]*)$/;

/** `Meant for any tracker: copy and paste.` is valid YAML, but a sentence, not metadata. */
function isProseSentence(data: Record<string, unknown>): boolean {
  const keys = Object.keys(data);
  return (
    keys.some((k) => /\s/.test(k.trim())) &&
    keys.every((k) => classifyKey(k).kind === "foreign" && !isRecognisedKey(k))
  );
}

/** Whether a block reads like `key: value` lines (so a YAML error in it is an error, not prose). */
function looksLikeMapping(lines: readonly string[]): boolean {
  const content = lines.filter((l) => l.trim() !== "" && !/^\s*#/.test(l) && !/^\s/.test(l));
  const keys = content.map(keyOfLine);
  if (keys[0] === undefined) return false;
  const keyed = keys.filter((key) => key !== undefined && !/\s/.test(key.trim()));
  return keyed.length * 2 >= content.length;
}

export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split("\n");
  const open = OPEN.exec(lines[0] ?? "");
  if (!open || (lines[0] ?? "").startsWith("----")) return { kind: "none" };
  // The block closes at the first line that starts with `---`; without one, the opening `---` is a
  // horizontal rule and nothing is front matter.
  const close = lines.findIndex((line, i) => i > 0 && line.startsWith("---"));
  if (close === -1) return { kind: "none" };
  const body = lines.slice(close + 1).join("\n");
  const bodyLine = close + 2;
  const language = (open[1] ?? "").trim();
  if (!/^(yaml|yml)?$/i.test(language)) {
    return {
      kind: "invalid",
      error: {
        field: "front matter",
        line: 1,
        message: `front matter in \`${language}\` is not read (never executed); expected YAML between \`---\` lines`,
      },
      body,
      bodyLine,
    };
  }
  const block = lines.slice(1, close);
  if (block.every((line) => line.trim() === "" || /^\s*#/.test(line))) {
    return { kind: "mapping", data: {}, lineOf: () => undefined, body, bodyLine };
  }
  const read = readYaml(block.join("\n"));
  if (read.ok && isMapping(read.value) && !isProseSentence(read.value)) {
    // The block starts on line 2 of the text.
    const lineOf = (path: KeyPath) => {
      const line = read.lineOf(path);
      return line === undefined ? undefined : line + 1;
    };
    return { kind: "mapping", data: read.value, lineOf, body, bodyLine };
  }
  if (!read.ok && looksLikeMapping(block)) {
    return {
      kind: "invalid",
      error: {
        field: "front matter",
        line: read.at ? read.at.line + 1 : 1,
        message: `invalid YAML: ${read.message}; expected YAML key: value lines`,
      },
      body,
      bodyLine,
    };
  }
  return {
    kind: "prose",
    warning: {
      field: "front matter",
      line: 1,
      message: "the block between `---` lines is not key: value YAML; read as prose",
    },
  };
}
