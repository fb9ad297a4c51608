// Parses a PRP (issue body or backlog file) in any of the shapes people write — our front matter,
// a loose `key: value` header, a metadata table, or the bare template layout — into a typed Prp.
// Pure, and never throws: every problem becomes an error or warning naming field, line and expectation.
import type { RoleName } from "../domain/role-names.js";
import type { KeyPath } from "../text/read-yaml.js";
import { bodyLimitIssue, limitErrors, limitWarnings, type LimitLines } from "./check-limits.js";
import { readFrontMatter } from "./front-matter.js";
import { readMetadataTable } from "./metadata-table.js";
import { readFields, type RawEntry } from "./read-fields.js";
import type { AgentStep, ParseIssue, ParseResult, Prp, PrpFormat } from "./schema.js";
import { criteriaOf, outline, sectionsOf, titleOf } from "./sections.js";
import { readUnfencedHeader } from "./unfenced-header.js";
import { validationCommandsOf } from "./validation-blocks.js";

export interface ParseOptions {
  /** Where the text came from, for messages and `source.file`. */
  file?: string;
  /** The issue title, used when the body has no `# Title` heading. */
  issueTitle?: string;
  /** Values from configuration for what the PRP leaves out. */
  defaults?: { role?: RoleName };
}

interface Layout {
  format: PrpFormat;
  entries: RawEntry[];
  body: string;
  bodyLine: number;
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

function entriesOf(
  data: Record<string, unknown>,
  lineOf: (path: KeyPath) => number | undefined,
  firstLine: number,
): RawEntry[] {
  return Object.entries(data).map(([key, value]) => {
    const line = lineOf([key]) ?? firstLine;
    return { key, value, line, itemLine: (index: number) => lineOf([key, index]) ?? line };
  });
}

/** Finds where the metadata is (if anywhere) and where the markdown body starts. */
function layoutOf(text: string): Layout {
  const front = readFrontMatter(text);
  const none = { entries: [], errors: [], warnings: [] };
  if (front.kind === "mapping") {
    const entries = entriesOf(front.data, front.lineOf, 2);
    return { ...none, format: "front-matter", entries, body: front.body, bodyLine: front.bodyLine };
  }
  if (front.kind === "invalid") {
    return {
      ...none,
      format: "front-matter",
      body: front.body,
      bodyLine: front.bodyLine,
      errors: [front.error],
    };
  }
  const warnings = front.kind === "prose" ? [front.warning] : [];
  const lines = text.split("\n");
  const header = front.kind === "none" ? readUnfencedHeader(lines) : undefined;
  if (header) {
    const entries = entriesOf(header.data, header.lineOf, 1);
    return {
      ...none,
      format: "unfenced",
      entries,
      body: lines.slice(header.length).join("\n"),
      bodyLine: header.length + 1,
      warnings,
    };
  }
  const table = readMetadataTable(lines, 1);
  if (table) return { ...none, format: "table", entries: table, body: text, bodyLine: 1, warnings };
  return { ...none, format: "plain", body: text, bodyLine: 1, warnings };
}

function parse(input: string, options: ParseOptions): ParseResult {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const layout = layoutOf(text);
  const fields = readFields(layout.entries);
  const errors = [...layout.errors, ...fields.errors];
  const warnings = [...layout.warnings, ...fields.warnings];
  const lines = outline(layout.body, layout.bodyLine);
  const sections = sectionsOf(lines);
  const criteria = criteriaOf(lines, sections);
  const values = fields.values;

  const name = fields.metadata.name;
  const title =
    titleOf(sections) ??
    (options.issueTitle?.trim() || undefined) ??
    (values.title as string | undefined) ??
    (typeof name === "string" && name.trim() ? name.trim() : undefined);
  if (title === undefined) {
    errors.push({
      field: "title",
      line: 1,
      message: "expected a `# Title` heading, an issue title or a `title:` key; found none",
    });
  }
  if (criteria.length === 0) {
    warnings.push({
      field: "criteria",
      line: layout.bodyLine,
      message: "no `- [ ]` checklist under a Success Criteria heading; expected at least one criterion",
    });
  }
  const declared = (values.validation as string[] | undefined) ?? [];
  const role = (values.role as RoleName | undefined) ?? options.defaults?.role;

  const prp: Prp = {
    title: title ?? "",
    ...(role === undefined ? {} : { role }),
    priority: (values.priority as Prp["priority"] | undefined) ?? "medium",
    dependsOn: (values.depends_on as string[] | undefined) ?? [],
    paths: (values.paths as string[] | undefined) ?? [],
    validation: declared.length > 0 ? declared : validationCommandsOf(lines, sections),
    ...(values.timeout_minutes === undefined ? {} : { timeoutMinutes: values.timeout_minutes as number }),
    ...(values.model === undefined ? {} : { model: values.model as string }),
    ...(values.deadline === undefined ? {} : { deadline: values.deadline as string }),
    ...(values.agent_script === undefined ? {} : { agentScript: values.agent_script as AgentStep[] }),
    criteria,
    sections,
    body: layout.body,
    metadata: fields.metadata,
    source: { format: layout.format, ...(options.file === undefined ? {} : { file: options.file }) },
    warnings,
  };
  const h1 = sections.find((s) => s.level === 1 && s.heading.length > 0);
  const where: LimitLines = {
    title: h1?.line ?? fields.sources.title?.line ?? 1,
    field: (name) => fields.sources[name]?.line,
    body: layout.bodyLine,
  };
  errors.push(...limitErrors(prp, where));
  warnings.push(...limitWarnings(prp, where));
  errors.sort((a, b) => a.line - b.line);
  return { ok: errors.length === 0, prp, errors, warnings };
}

export function parsePrp(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== "string") {
    return {
      ok: false,
      errors: [{ field: "prp", line: 1, message: "expected the PRP as text" }],
      warnings: [],
    };
  }
  try {
    const result = parse(text, options);
    const tooLong = bodyLimitIssue(text);
    return tooLong ? { ...result, ok: false, errors: [tooLong, ...result.errors] } : result;
  } catch (error) {
    // A safety net for the unforeseen; the fuzz test asserts it is never reached.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ field: "prp", line: 1, message: `internal parser error: ${message}` }],
      warnings: [],
    };
  }
}
