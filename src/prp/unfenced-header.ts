// Loose `key: value` lines at the very top of a PRP, without `---` fences (e.g. `name: "…"` then
// `description: |`), read as YAML up to the first blank line or heading — but only when at least one
// key is one we or other PRP tools use, so prose that happens to contain a colon stays prose.
import { isRecognisedKey } from "./classify-key.js";
import { keyLines, keyOfLine } from "./key-lines.js";
import { isMapping, loadYaml } from "./load-yaml.js";

export interface UnfencedHeader {
  data: Record<string, unknown>;
  keys: Map<string, number>;
  lines: string[];
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
  const header = lines.slice(0, end);
  const keys = keyLines(header, 1);
  if (![...keys.keys()].some(isRecognisedKey)) return undefined;
  const loaded = loadYaml(header.join("\n"));
  if (!loaded.ok || !isMapping(loaded.value)) return undefined;
  return { data: loaded.value, keys, lines: header, length: end };
}
