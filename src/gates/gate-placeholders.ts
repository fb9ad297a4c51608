// lanes/placeholders: stubs passed off as work, judged on the lines the lane added.
import { findEmptyBodies } from "./find-empty-bodies.js";
import { findEmptyTests } from "./find-empty-tests.js";
import { findPlaceholderFile } from "./find-placeholder-file.js";
import { findStubMarkers } from "./find-stub-markers.js";
import { capped, plural, table } from "./markdown.js";
import { sourceFile } from "./source-file.js";
import { languageOf } from "./source-lexer.js";
import type { Annotation, Gate, GateInput, GateResult } from "./types.js";

export async function findPlaceholders(
  input: GateInput,
): Promise<{ annotations: Annotation[]; scanned: number }> {
  const annotations: Annotation[] = [];
  let scanned = 0;
  for (const change of input.changes) {
    const language = languageOf(change.path);
    if (!language || change.status === "deleted" || change.added.length === 0) continue;
    const text = await input.readFile(change.path);
    if (text === undefined) continue;
    scanned++;
    const file = sourceFile(change.path, language, text, new Set(change.added.map((a) => a.line)));
    annotations.push(
      ...findStubMarkers(file),
      ...findEmptyBodies(file),
      ...findEmptyTests(file),
      ...findPlaceholderFile(file, change.status === "added"),
    );
  }
  annotations.sort((a, b) => a.path.localeCompare(b.path) || a.startLine - b.startLine);
  return { annotations, scanned };
}

export function placeholdersResult(annotations: Annotation[], scanned: number): GateResult {
  const failures = annotations.filter((a) => a.level === "failure");
  const { rows, note } = capped(annotations, 50, (a) => [
    `${a.path}:${a.startLine}`,
    a.title ?? "",
    a.message,
  ]);
  const body = annotations.length === 0 ? "" : `\n\n${table(["where", "finding", "detail"], rows)}${note}`;
  const scannedLine = `Scanned the added lines of ${plural(scanned, "source file")} (TS/JS, Python, Go, Rust).`;
  if (failures.length === 0) {
    return {
      conclusion: "success",
      title:
        annotations.length === 0
          ? "No placeholders"
          : `No placeholders (${plural(annotations.length, "note")})`,
      summary: `${scannedLine}${body}`,
      annotations,
    };
  }
  return {
    conclusion: "failure",
    title: `${plural(failures.length, "placeholder")} found`,
    summary: `${scannedLine}${body}`,
    annotations,
  };
}

export const placeholdersGate: Gate = {
  name: "placeholders",
  description:
    "TODO/FIXME/not-implemented markers, empty bodies, placeholder files and tests without assertions",
  async run(input) {
    const { annotations, scanned } = await findPlaceholders(input);
    return placeholdersResult(annotations, scanned);
  },
};
