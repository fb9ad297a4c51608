// Splits `---` front matter from a PRP with gray-matter, YAML engine only: gray-matter would eval
// `---js` front matter by default, so every other engine is replaced by one that refuses.
import matter from "gray-matter";
import { classifyKey, isRecognisedKey } from "./classify-key.js";
import { keyLines, looksLikeMapping } from "./key-lines.js";
import { isMapping, loadYaml, type YamlResult } from "./load-yaml.js";
import type { ParseIssue } from "./schema.js";

export type FrontMatter =
  | { kind: "none" }
  /** A YAML mapping: `keys` maps each key to its 1-based line; the body starts on `bodyLine`. */
  | {
      kind: "mapping";
      data: Record<string, unknown>;
      keys: Map<string, number>;
      lines: string[];
      body: string;
      bodyLine: number;
    }
  /** A fenced block that is not metadata (prose, a rule, a template's note): the whole text is the body. */
  | { kind: "prose"; warning: ParseIssue }
  /** A block meant as metadata that cannot be read: the error, and the body after it. */
  | { kind: "invalid"; error: ParseIssue; body: string; bodyLine: number };

const refuse = (language: string) => (): never => {
  throw new Error(`${language} front matter is not supported`);
};

/** gray-matter options: YAML through our bounded loader; JavaScript, CoffeeScript and JSON refused. */
export const matterOptions = {
  language: "yaml",
  engines: {
    yaml: (text: string): YamlResult => loadYaml(text),
    javascript: refuse("javascript"),
    js: refuse("javascript"),
    coffee: refuse("coffee"),
    json: refuse("json"),
  },
};

const OPEN = /^---([^\n]*)$/;

/** `Meant for any tracker: copy and paste.` is valid YAML, but a sentence, not metadata. */
function isProseSentence(data: Record<string, unknown>): boolean {
  const keys = Object.keys(data);
  return (
    keys.some((k) => /\s/.test(k.trim())) &&
    keys.every((k) => classifyKey(k).kind === "foreign" && !isRecognisedKey(k))
  );
}

export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split("\n");
  const open = OPEN.exec(lines[0] ?? "");
  if (!open || (lines[0] ?? "").startsWith("----")) return { kind: "none" };
  // gray-matter closes the block at the first line that starts with `---`; without one, the opening
  // `---` is a horizontal rule and nothing is front matter.
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
    return { kind: "mapping", data: {}, keys: new Map(), lines: block, body, bodyLine };
  }
  let result: YamlResult;
  try {
    const file = matter(lines.slice(0, close + 1).join("\n"), matterOptions);
    result = file.data as YamlResult;
  } catch (error) {
    result = { ok: false, line: 0, message: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok && isMapping(result.value) && !isProseSentence(result.value)) {
    return { kind: "mapping", data: result.value, keys: keyLines(block, 2), lines: block, body, bodyLine };
  }
  if (!result.ok && looksLikeMapping(block)) {
    return {
      kind: "invalid",
      error: {
        field: "front matter",
        line: 1 + result.line,
        message: `${result.message}; expected YAML key: value lines`,
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
