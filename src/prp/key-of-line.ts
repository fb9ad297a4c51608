// The key a line of a loose header starts with, read by the yaml parser: tells a `key: value` line from
// prose, a heading or a list item while deciding where metadata ends. Positions come from readYaml.
import { isMap, isScalar, parseDocument } from "yaml";

/** Enough of a line to hold any key people write, and little enough to parse in microseconds. */
const KEY_PREFIX = 200;

/** The key written at the start of a line (no indentation, block style), or undefined. */
export function keyOfLine(line: string): string | undefined {
  if (!/^[^\s#]/.test(line) || !line.includes(":")) return undefined;
  let contents: unknown;
  try {
    // A line that breaks off mid-value (`priority: [high`) still starts with its key.
    contents = parseDocument(line.slice(0, KEY_PREFIX), { schema: "core" }).contents;
  } catch {
    return undefined; // a pathological line (the parser recursed too deep) is no key line
  }
  if (!isMap(contents) || contents.flow) return undefined;
  const key = contents.items[0]?.key;
  return isScalar(key) ? String(key.value) : undefined;
}
