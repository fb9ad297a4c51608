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
  /** The lane's state on the runner host (done, failed …). */
  state: string;
  /** The PRP's `lanes:*` state label on its issue at the end, set by the App. */
  label: string | null;
  /** Status comments the App wrote on the issue (one, edited in place). */
  statusComments: number;
  pr: { number: number; url: string } | null;
  gates: DemoGate[];
  /** True when every required gate passed (success or neutral). */
  gatesPassed: boolean;
  integration: "merged" | "conflict" | "culprit" | "skipped" | "excluded" | "not built";
  note: string | null;
}

export interface DemoIntegration {
  branch: string | null;
  commit: string | null;
  pr: string | null;
  /** Whether the integration PR was merged (which merges the lane PRs in it). */
  merged: boolean;
  lanes: string[];
  validation: { command: string; ok: boolean }[];
  conflicts: string[];
}

export interface DemoReport {
  ok: boolean;
  plan: { prps: number; order: string[]; ready: string[]; team: string[]; plan: string; template: string };
  github: { api_url: string; repo: string; issues: number[] };
  lanes: DemoLane[];
  /** One per wave: the lanes whose dependencies were merged, integrated and merged together. */
  integrations: DemoIntegration[];
  app: {
    url: string;
    deliveries: number;
    dashboard: string;
    dashboardLanes: number;
    /** Lanes the dashboard showed with gate results, and integrations it showed. */
    dashboardGates: number;
    dashboardIntegrations: number;
  };
  /** With --keep: how to open the dashboard again on the kept Redis data. */
  workspace: string | null;
  reopen?: string;
  seconds: number;
}

const mark = (conclusion: string) =>
  conclusion === "success" ? "✓" : conclusion === "failure" ? "✗" : conclusion === "skipped" ? "-" : "~";

const LANE_HEADER = [
  "PRP",
  "ROLE",
  "LANE",
  "LABEL",
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
      lane.label ? `lanes:${lane.label}` : "-",
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
  lines.push("");
  if (report.integrations.length === 0) lines.push("integration: not run (no lane passed its gates)");
  report.integrations.forEach((i, n) => {
    lines.push(
      `integration ${n + 1}: ${i.branch ?? "(no branch written)"}${i.commit ? ` at ${i.commit.slice(0, 12)}` : ""} — ${i.lanes.length} lane(s)`,
    );
    for (const v of i.validation) lines.push(`   ${v.ok ? "✓" : "✗"} ${v.command}`);
    if (i.conflicts.length > 0) lines.push(`   conflicts: ${i.conflicts.join(", ")}`);
    if (i.pr) lines.push(`   pull request: ${i.pr}${i.merged ? " (merged)" : ""}`);
  });
  lines.push(`app: lanes serve at ${report.app.url} handled ${report.app.deliveries} webhook deliveries`);
  lines.push(
    `dashboard: ${report.app.dashboard} showed ${report.app.dashboardLanes} lane(s), ${report.app.dashboardGates} with gate results, and ${report.app.dashboardIntegrations} integration(s) (live while the demo ran)`,
  );
  if (report.workspace) lines.push("", `workspace kept at ${report.workspace}`);
  if (report.reopen) lines.push(`dashboard again: ${report.reopen}`);
  return lines.join("\n");
}
