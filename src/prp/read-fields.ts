// Turns raw metadata entries (from front matter, a loose header or a table) into our typed fields:
// each value validated by its schema, typos and bad values reported with field, line and expectation,
// foreign keys kept as metadata with a warning.
import { closestWord } from "../text/closest-word.js";
import { classifyKey } from "./classify-key.js";
import { FIELDS, toList, type FieldName, type ParseIssue } from "./schema.js";

export interface RawEntry {
  key: string;
  value: unknown;
  line: number;
  /** The line of the n-th item when the value is a list written one item per line. */
  itemLine?: (index: number) => number;
}

export type FieldValues = { [K in FieldName]?: unknown };

export interface ReadFields {
  values: FieldValues;
  metadata: Record<string, unknown>;
  errors: ParseIssue[];
  warnings: ParseIssue[];
  /** The entry each of our fields was read from (for the line a later check names). */
  sources: { [K in FieldName]?: RawEntry };
}

export function readFields(entries: readonly RawEntry[]): ReadFields {
  const values: FieldValues = {};
  const seen = new Map<FieldName, RawEntry>();
  const metadata: [string, unknown][] = [];
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];

  for (const entry of entries) {
    const kind = classifyKey(entry.key);
    if (kind.kind === "typo") {
      errors.push({
        field: entry.key,
        line: entry.line,
        message: `unknown key \`${entry.key}\`: did you mean \`${kind.suggestion}\`?`,
      });
      continue;
    }
    if (kind.kind === "foreign") {
      metadata.push([entry.key, entry.value]);
      warnings.push({
        field: entry.key,
        line: entry.line,
        message: `\`${entry.key}\` is not a Lanes key; kept as metadata`,
      });
      continue;
    }
    const field = kind.field;
    const earlier = seen.get(field);
    if (earlier) {
      errors.push({
        field,
        line: entry.line,
        message: `given twice (also as \`${earlier.key}\` on line ${earlier.line}); expected one value`,
      });
      continue;
    }
    seen.set(field, entry);
    if (entry.value === null || entry.value === undefined || entry.value === "") continue;
    const parsed = FIELDS[field].schema.safeParse(entry.value);
    if (parsed.success) {
      values[field] = parsed.data;
      continue;
    }
    const path = parsed.error.issues[0]?.path ?? [];
    const index = typeof path[0] === "number" ? path[0] : undefined;
    const bad = index === undefined ? entry.value : toList(entry.value)[index];
    errors.push({
      field: index === undefined ? field : `${field}[${index}]`,
      line: index === undefined || !entry.itemLine ? entry.line : entry.itemLine(index),
      message: `expected ${FIELDS[field].expected}, got ${describe(bad)}${didYouMean(field, bad)}`,
    });
  }
  // fromEntries defines own properties, so a `__proto__` key stays plain data.
  return {
    values,
    metadata: Object.fromEntries(metadata),
    errors,
    warnings,
    sources: Object.fromEntries(seen),
  };
}

/** "; did you mean `developer`?" when a bad word is a typo of one of the field's choices. */
function didYouMean(field: FieldName, bad: unknown): string {
  const spec = FIELDS[field];
  if (typeof bad !== "string" || !("choices" in spec)) return "";
  const guess = closestWord(bad.trim(), spec.choices);
  return guess === undefined ? "" : `; did you mean \`${guess}\`?`;
}

/** A short, printable description of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a mapping";
}
