// What `lanes gate` prints: one gate's full result, or (--all) one table of every gate's outcome.
import type { Annotation } from "../../gates/types.js";
import { tableLines } from "../table.js";

export interface GateReport {
  gate: string;
  mode: string;
  conclusion: string;
  title: string;
  summary: string;
  annotations: Annotation[];
  /** The check run it was published as (--publish). */
  checkRunId?: number;
}

export interface AllGatesReport {
  /** failure when a required gate failed. */
  conclusion: "success" | "failure";
  published?: { repo: string; sha: string };
  gates: GateReport[];
}

export function renderGate(report: GateReport): string {
  const notes = report.annotations.map(
    (a) => `  ${a.path}:${a.startLine} ${a.level}: ${a.title ? `${a.title}: ` : ""}${a.message}`,
  );
  const published =
    report.checkRunId === undefined ? [] : ["", `Published as check run ${report.checkRunId}.`];
  return [
    `${report.gate} (${report.mode}): ${report.conclusion} — ${report.title}`,
    "",
    report.summary,
    ...(notes.length > 0 ? ["", "Annotations:", ...notes] : []),
    ...published,
  ].join("\n");
}

export function renderAll(report: AllGatesReport): string {
  const header = ["gate", "mode", "conclusion", "annotations", "title"];
  const rows = report.gates.map((g) => [g.gate, g.mode, g.conclusion, String(g.annotations.length), g.title]);
  const where = report.published
    ? [`Published as check runs on ${report.published.repo}@${report.published.sha.slice(0, 12)}.`]
    : [];
  return [
    ...tableLines(rows, { header }),
    "",
    ...where,
    report.conclusion === "failure" ? "A required gate failed." : "No required gate failed.",
  ].join("\n");
}
