// Checks a parsed PRP against the one set of limits (domain/limits.ts), so lint, ingest, intake and the
// queue agree: every breach is an error `field: limit` with its line. Also warns about text that is legal
// but suspicious: control characters in the title, script-agent paths that leave the worktree.
import { PRP_LIMITS } from "../domain/limits.js";
import type { FieldName } from "./schema.js";
import type { ParseIssue, Prp } from "./schema.js";

/** Where each field was written: a front-matter key's line, or a line of the body. */
export interface LimitLines {
  title: number;
  field: (name: FieldName) => number | undefined;
  body: number;
}

/* eslint-disable-next-line no-control-regex -- control characters are what this looks for */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function tooLong(field: string, line: number, length: number, limit: number, unit: string): ParseIssue {
  return {
    field,
    line,
    message: `at most ${limit.toLocaleString("en-US")} ${unit} (found ${length.toLocaleString("en-US")})`,
  };
}

/** The whole text over GitHub's issue-body limit: checked before anything else is parsed. */
export function bodyLimitIssue(text: string): ParseIssue | undefined {
  return text.length > PRP_LIMITS.body
    ? tooLong("body", 1, text.length, PRP_LIMITS.body, "characters, GitHub's issue-body limit")
    : undefined;
}

function listIssues(
  field: string,
  items: readonly string[],
  line: (index: number) => number,
  count: number,
  each: number,
  what: string,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  if (items.length > count) issues.push(tooLong(field, line(0), items.length, count, what));
  items.forEach((item, i) => {
    if (item.length > each) issues.push(tooLong(`${field}[${i}]`, line(i), item.length, each, "characters"));
  });
  return issues;
}

export function limitErrors(prp: Prp, lines: LimitLines): ParseIssue[] {
  const at = (name: FieldName) => () => lines.field(name) ?? lines.body;
  const errors: ParseIssue[] = [];
  if (prp.title.length > PRP_LIMITS.title)
    errors.push(tooLong("title", lines.title, prp.title.length, PRP_LIMITS.title, "characters"));
  const criteria = prp.criteria;
  errors.push(
    ...listIssues(
      "criteria",
      criteria.map((c) => c.text),
      (i) => criteria[i]?.line ?? lines.body,
      PRP_LIMITS.criteria,
      PRP_LIMITS.criterion,
      "criteria",
    ),
    ...listIssues("paths", prp.paths, at("paths"), PRP_LIMITS.paths, PRP_LIMITS.path, "paths"),
    ...listIssues(
      "validation",
      prp.validation,
      at("validation"),
      PRP_LIMITS.commands,
      PRP_LIMITS.command,
      "commands",
    ),
  );
  if (prp.dependsOn.length > PRP_LIMITS.dependsOn)
    errors.push(
      tooLong("depends_on", at("depends_on")(), prp.dependsOn.length, PRP_LIMITS.dependsOn, "dependencies"),
    );
  return errors;
}

/** A path the script agent would write outside its worktree: absolute, or climbing with `..`. */
export function leavesWorktree(path: string): boolean {
  const clean = path.trim().replace(/\\/g, "/");
  return clean.startsWith("/") || /^[A-Za-z]:/.test(clean) || clean.split("/").includes("..");
}

export function limitWarnings(prp: Prp, lines: LimitLines): ParseIssue[] {
  const warnings: ParseIssue[] = [];
  if (CONTROL.test(prp.title))
    warnings.push({
      field: "title",
      line: lines.title,
      message: "contains control characters (escape sequences?); they are removed wherever it is shown",
    });
  (prp.agentScript ?? []).forEach((step, i) => {
    const path =
      "write" in step
        ? step.write
        : "append" in step
          ? step.append
          : "delete" in step
            ? step.delete
            : undefined;
    if (path !== undefined && leavesWorktree(path))
      warnings.push({
        field: `agent_script[${i}]`,
        line: lines.field("agent_script") ?? lines.body,
        message: `path ${JSON.stringify(path.slice(0, 80))} leaves the lane's worktree; the script agent refuses it`,
      });
  });
  return warnings;
}
