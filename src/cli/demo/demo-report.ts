// What the demo did, as one value: printed as a table, or as JSON with --json.
import { tableLines } from "../table.js";

export interface DemoGate {
  gate: string;
  mode: string;
  conclusion: string;
  title: string;
}

export interface DemoLane {
  issue: number;
  title: string;
  role: string;
  branch: string | null;
  state: string;
  pr: { number: number; url: string } | null;
  gates: DemoGate[];
  /** True when every required gate passed (success or neutral). */
  gatesPassed: boolean;
  integration: "merged" | "conflict" | "culprit" | "skipped" | "excluded" | "not built";
  note: string | null;
}

export interface DemoReport {
  ok: boolean;
  plan: { prps: number; order: string[]; ready: string[]; team: string[]; plan: string; template: string };
  github: { api_url: string; repo: string; issues: number[] };
  lanes: DemoLane[];
  integration: {
    branch: string | null;
    commit: string | null;
    pr: string | null;
    validation: { command: string; ok: boolean }[];
    conflicts: string[];
  } | null;
  workspace: string | null;
  seconds: number;
}

const mark = (conclusion: string) =>
  conclusion === "success" ? "✓" : conclusion === "failure" ? "✗" : conclusion === "skipped" ? "-" : "~";

const LANE_HEADER = [
  "PRP",
  "ROLE",
  "LANE",
  "PR",
  "GATES (prp placeholders lane commits validation integration)",
  "INTEGRATION",
];

export function renderDemoReport(report: DemoReport): string {
  const lines = [
    "",
    `Lanes demo ${report.ok ? "finished" : "finished with problems"} in ${report.seconds.toFixed(1)} s`,
    `local GitHub: ${report.github.api_url} (repo ${report.github.repo}, issues ${report.github.issues.map((n) => `#${n}`).join(" ")})`,
    "",
  ];
  const [header = "", ...rows] = tableLines(
    report.lanes.map((lane) => [
      `#${lane.issue} ${lane.title}`.slice(0, 34),
      lane.role,
      lane.state,
      lane.pr ? `#${lane.pr.number}` : "-",
      lane.gates.map((g) => mark(g.conclusion)).join(" "),
      lane.integration,
    ]),
    { header: LANE_HEADER },
  );
  lines.push(header);
  for (const [i, lane] of report.lanes.entries()) {
    lines.push(rows[i] ?? "");
    if (lane.note) lines.push(`   └ ${lane.note}`);
  }
  const i = report.integration;
  lines.push("");
  if (i) {
    lines.push(
      `integration: ${i.branch ?? "(no branch written)"}${i.commit ? ` at ${i.commit.slice(0, 12)}` : ""}`,
    );
    for (const v of i.validation) lines.push(`   ${v.ok ? "✓" : "✗"} ${v.command}`);
    if (i.conflicts.length > 0) lines.push(`   conflicts: ${i.conflicts.join(", ")}`);
    if (i.pr) lines.push(`   pull request: ${i.pr}`);
  } else lines.push("integration: not run (no lane passed its gates)");
  if (report.workspace) lines.push("", `workspace kept at ${report.workspace}`);
  return lines.join("\n");
}
