// Configuration errors: each issue names the key path, the line in the file and what was expected.
import { InvalidInputError, LanesError, UsageError } from "../errors.js";

export interface ConfigIssue {
  /** Dotted key path, e.g. `gates.prp.threshold`; "" for the file as a whole. */
  path: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  /** 1-based column, for YAML syntax errors. */
  column?: number;
  message: string;
}

/** Formats one issue as `file:line: key.path: message` (the shape editors and CI annotate). */
export function formatConfigIssue(file: string, issue: ConfigIssue): string {
  const where = [file, issue.line, issue.column]
    .filter((part) => part !== null && part !== undefined)
    .join(":");
  return issue.path === "" ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}

/** A `.github/lanes.yml` that cannot be read, parsed or validated (exit code 1). */
export class ConfigError extends InvalidInputError {
  override name = "ConfigError";
  readonly file: string;
  readonly issues: readonly ConfigIssue[];

  constructor(file: string, issues: readonly ConfigIssue[], options: { cause?: unknown } = {}) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${formatConfigIssue(file, issue)}`).join("\n");
    super(`invalid configuration ${file} (${count}):\n${lines}`, { cause: options.cause, context: { file } });
    this.file = file;
    this.issues = issues;
  }
}

/** A team that cannot be planned as asked: unknown role, template or plan, or too many roles for the plan (exit 2). */
export class TeamPlanError extends UsageError {
  override name = "TeamPlanError";
}

/** The lanes.yml schema has a key the docs do not describe (a development error, caught by the tests). */
export class ConfigDocsError extends LanesError {
  override name = "ConfigDocsError";
}
