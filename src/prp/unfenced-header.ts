// Loose `key: value` lines at the very top of a PRP, without `---` fences (e.g. `name: "…"` then
// `description: |`), read as YAML up to the first blank line or heading — but only when at least one
// key is one we or other PRP tools use, so prose that happens to contain a colon stays prose.
import { readYaml, type KeyPath } from "../text/read-yaml.js";
import { isRecognisedKey } from "./classify-key.js";
import { keyOfLine } from "./key-of-line.js";
import { isMapping } from "./load-yaml.js";

export interface UnfencedHeader {
  data: Record<string, unknown>;
  /** The 1-based line of a key or list item; the header starts on line 1. */
  lineOf: (path: KeyPath) => number | undefined;
  /** Number of lines the header takes; the body starts after them. */
  length: number;
}

export function readUnfencedHeader(lines: readonly string[]): UnfencedHeader | undefined {
  if (lines.length === 0 || keyOfLine(lines[0] as string) === undefined) return undefined;
  let end = 0;
  while (end < lines.length) {
    const line = lines[end] as string;
    if (line.startsWith("#") || line.startsWith("---")) break;
    if (line.trim() === "") {
      // A blank line ends the header unless a block scalar continues or another known key follows.
      const next = lines.slice(end + 1).find((l) => l.trim() !== "");
      const nextKey = next === undefined ? undefined : keyOfLine(next);
      if (next === undefined || !(/^\s/.test(next) || (nextKey !== undefined && isRecognisedKey(nextKey))))
        break;
    } else if (!/^\s/.test(line) && keyOfLine(line) === undefined) {
      break;
    }
    end += 1;
  }
  const read = readYaml(lines.slice(0, end).join("\n"));
  if (!read.ok || !isMapping(read.value) || !Object.keys(read.value).some(isRecognisedKey)) return undefined;
  return { data: read.value, lineOf: read.lineOf, length: end };
}
