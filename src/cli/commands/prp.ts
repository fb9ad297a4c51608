// `lanes prp parse FILE` and `lanes prp lint DIR`: read PRPs the way the app will, and say what is
// wrong with them as `file:line: field: message`. Exit 1 when a PRP or the backlog graph is invalid.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { PrpReadError } from "../../prp/errors.js";
import type { BacklogReport } from "../../prp/lint-backlog.js";
import { readBacklog } from "../../backlog/read-backlog.js";
import { parsePrp } from "../../prp/parse-prp.js";
import type { ParseIssue, ParseResult } from "../../prp/schema.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { tableLines } from "../table.js";

const issueLine = (file: string, issue: ParseIssue) =>
  `${file}:${issue.line}: ${issue.field}: ${issue.message}`;

function renderParse(file: string, result: ParseResult): string {
  const out = [`${file}: ${result.ok ? "ok" : "INVALID"}`];
  const prp = result.prp;
  if (prp) {
    const done = prp.criteria.filter((c) => c.checked).length;
    out.push(
      `  title       ${prp.title || "(none)"}`,
      `  role        ${prp.role ?? "(from config)"}`,
      `  priority    ${prp.priority}`,
      `  depends on  ${prp.dependsOn.length > 0 ? prp.dependsOn.join(", ") : "nothing"}`,
      `  criteria    ${prp.criteria.length}${done > 0 ? ` (${done} checked)` : ""}`,
      `  format      ${prp.source.format}`,
      `  validation  ${prp.validation.length === 0 ? "none" : ""}`,
      ...prp.validation.map((c) => `    $ ${c}`),
    );
  }
  if (result.warnings.length > 0)
    out.push("warnings:", ...result.warnings.map((w) => `  ${issueLine(file, w)}`));
  if (result.errors.length > 0) out.push("errors:", ...result.errors.map((e) => `  ${issueLine(file, e)}`));
  return out.join("\n");
}

function renderLint(dir: string, report: BacklogReport): string {
  const out = [`${dir}: ${report.files.length} PRPs, ${report.ok ? "ok" : "INVALID"}`];
  const rows = tableLines(
    report.files.map((f) => [f.id, f.ok ? "ok" : "INVALID", `${f.title || "(no title)"}  (${f.file})`]),
    { indent: "  ", gap: 1 },
  );
  for (const [i, f] of report.files.entries()) {
    out.push(rows[i] ?? "");
    for (const e of f.errors) out.push(`       ${issueLine(f.file, e)}`);
    for (const w of f.warnings) out.push(`       warning: ${issueLine(f.file, w)}`);
  }
  for (const issue of report.graph.issues) out.push(`graph: ${issue.kind}: ${issue.message}`);
  out.push(`order:   ${report.graph.order.join(" → ") || "(none)"}`);
  out.push(`ready:   ${report.ready.join(", ") || "(none)"}`);
  out.push(
    `blocked: ${report.blocked.map((b) => `${b.id} (waiting on ${b.waitingOn.join(", ")})`).join("; ") || "(none)"}`,
  );
  if (report.invalid.length > 0) out.push(`invalid: ${report.invalid.join(", ")}`);
  return out.join("\n");
}

async function readPrpFile(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new PrpReadError(`cannot read PRP file ${shown}: it does not exist or is not readable`, {
      cause: error,
      context: { file: shown },
    });
  }
}

export function registerPrp(program: Command, ctx: CliDeps): void {
  const prp = program.command("prp").description("read and check PRPs (markdown specs)");
  prp
    .command("parse")
    .description("parse one PRP file and report its fields, criteria, validation commands and errors")
    .argument("<file>", "markdown PRP file")
    .option("--json", 'print {"ok","prp","errors"} as JSON (warnings are in prp.warnings)')
    .option("--title <title>", "the issue title, used when the file has no # heading")
    .action(
      action(ctx, async (file: string, opts: { json?: boolean; title?: string }) => {
        const text = await readPrpFile(resolve(ctx.cwd, file), file);
        const result = parsePrp(text, {
          file,
          ...(opts.title === undefined ? {} : { issueTitle: opts.title }),
        });
        // Exactly the DESIGN §6 shape; warnings travel inside the PRP (prp.warnings).
        const value = { ok: result.ok, prp: result.prp ?? null, errors: result.errors };
        emit(ctx, value, { json: opts.json, human: () => renderParse(file, result) });
        return result.ok ? 0 : 1;
      }),
    );
  prp
    .command("lint")
    .description("parse every PRP of a backlog folder and check the dependency graph (unknown deps, cycles)")
    .argument("<dir>", "folder of markdown PRPs")
    .option("--json", "print the report as JSON")
    .action(
      action(ctx, async (dir: string, opts: { json?: boolean }) => {
        // Files are named as the user named the folder, not by absolute path.
        const { report } = await readBacklog(resolve(ctx.cwd, dir), { display: dir });
        emit(ctx, report, { json: opts.json, human: (r) => renderLint(dir, r) });
        return report.ok ? 0 : 1;
      }),
    );
}
