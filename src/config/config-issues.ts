// Turns zod issues into config issues a person can act on: the key path as written in the file,
// its line, what was expected and what was found, and "did you mean" for typos.
import type * as z from "zod";
import { closestWord } from "../text/closest-word.js";
import type { KeyPath } from "../text/read-yaml.js";
import type { ConfigIssue } from "./errors.js";
import { retiredKeyReason } from "./retired-keys.js";
import { keysAt } from "./schema-keys.js";

type Path = readonly PropertyKey[];
type LineOf = (path: KeyPath) => number | undefined;

export function toConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  lineOf: LineOf,
): ConfigIssue[] {
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const retired = retiredKeyReason(dotted(path.map(String)));
        result.push(at(path, lineOf, retired ? `"${key}" is not read: ${retired}` : unknownKey(key, known)));
      }
    } else {
      result.push(at(issue.path, lineOf, describe(issue)));
    }
  }
  // File order reads best; issues without a line (rare) go first.
  return result.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function at(path: Path, lineOf: LineOf, message: string): ConfigIssue {
  const segments = path.map((p) => (typeof p === "symbol" ? p.toString() : p));
  return { path: dotted(segments), line: lineOf(segments) ?? null, message };
}

/** `gates.prp.threshold`, `integration.order[2]`. */
export function dotted(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, p) => (typeof p === "number" ? `${text}[${p}]` : text === "" ? p : `${text}.${p}`),
    "",
  );
}

function unknownKey(key: string, known: readonly string[]): string {
  const guess = closestWord(key, known);
  if (guess !== undefined) return `unknown key "${key}"; did you mean "${guess}"?`;
  return known.length > 0
    ? `unknown key "${key}"; expected one of: ${known.join(", ")}`
    : `unknown key "${key}"`;
}

function describe(issue: z.core.$ZodIssue): string {
  const got = `got ${show(issue.input)}`;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `is required (expected ${noun(issue.expected)})`
        : `expected ${noun(issue.expected)}, ${got}`;
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      const guess =
        typeof issue.input === "string" ? closestWord(issue.input, issue.values.map(String)) : undefined;
      const hint = guess === undefined ? "" : `; did you mean "${guess}"?`;
      return `expected ${values.length === 1 ? values[0] : `one of ${values.join(", ")}`}, ${got}${hint}`;
    }
    case "too_small":
    case "too_big":
      return `expected ${bound(issue)}, ${got}`;
    default:
      return `${lowerFirst(issue.message)}, ${got}`;
  }
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const word = small
    ? issue.inclusive === false
      ? "greater than"
      : "at least"
    : issue.inclusive === false
      ? "less than"
      : "at most";
  if (issue.origin === "array") return `${word} ${limit} item${limit === 1 ? "" : "s"}`;
  if (issue.origin === "string") return `${word} ${limit} character${limit === 1 ? "" : "s"}`;
  return `a number ${word} ${limit}`;
}

function noun(expected: string): string {
  const names: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    number: "a number",
    boolean: "true or false",
    int: "an integer",
    nan: "a number",
  };
  return names[expected] ?? expected;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
