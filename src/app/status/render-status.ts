// The one status comment per PRP, rendered from a plain view: state, role, dependencies with their states,
// lane branch, PR, gate results, attempts, last events with times. Pure; the hidden marker finds it again.
import type { PrpEventEntry, PrpRecord } from "../../state/index.js";
import { sanitizeText } from "../../text/sanitize.js";
import type { From } from "../transitions.js";
import { quoteUntrusted } from "./quote-untrusted.js";

export const STATUS_MARKER = "<!-- lanes:status -->";

export interface StatusView {
  issue: number;
  state: From;
  record: PrpRecord;
  /** Each dependency with its state (`closed` for one that finished outside Lanes). */
  deps: { issue: number; state: string }[];
  events: PrpEventEntry[];
}

const STATE_WORDS: Record<string, string> = {
  queued: "queued: waiting for an agent",
  blocked: "blocked: waiting for dependencies",
  "needs-approval": "needs approval: a maintainer must `/lanes approve` it",
  invalid: "invalid: fix the errors below and edit the issue",
  active: "active: an agent is working on it",
  waiting: "waiting: the agent asks a question",
  review: "in review: PR opened",
  paused: "paused",
  "needs-human": "needs a human",
  done: "done",
};

function time(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Keeps issue text from closing our table cells or the comment's markup. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A code block whose fence is longer than any backtick run in the text, so the text cannot close it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return [fence, sanitizeText(text), fence];
}

const tokens = (n: number) =>
  n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 1_000 ? `${(n / 1_000).toFixed(1)}k` : String(n);

/** `1.2M tokens (input 3.1k, output 45.0k, cache read 1.1M, cache write 80.2k), $2.41` */
function usageText(usage: NonNullable<PrpRecord["usage"]>): string {
  const parts = `input ${tokens(usage.input)}, output ${tokens(usage.output)}, cache read ${tokens(usage.cacheRead)}, cache write ${tokens(usage.cacheWrite)}`;
  return `${tokens(usage.tokens)} tokens (${parts}), $${usage.costUsd.toFixed(2)}`;
}

export function renderStatus(view: StatusView): string {
  const { record } = view;
  const rows: [string, string][] = [
    [
      "State",
      view.state ? `\`lanes:${view.state}\` ${STATE_WORDS[view.state] ?? ""}` : "not a PRP (withdrawn)",
    ],
  ];
  if (record.role) rows.push(["Role", record.role]);
  if (record.priority) rows.push(["Priority", record.priority]);
  const flags = Object.values(record.flags ?? {});
  if (flags.length > 0) rows.push(["⚠️ Attention", flags.map(cell).join("; ")]);
  if (record.reviewers && record.reviewers.length > 0)
    rows.push(["Required reviewers", record.reviewers.map(cell).join(", ")]);
  rows.push([
    "Depends on",
    view.deps.length === 0 ? "nothing" : view.deps.map((d) => `#${d.issue} (${d.state})`).join(", "),
  ]);
  if (record.branch) rows.push(["Lane branch", `\`${cell(record.branch)}\``]);
  if (record.pr) rows.push(["Pull request", cell(record.pr)]);
  const gates = Object.entries(record.gates ?? {});
  if (gates.length > 0)
    rows.push(["Gates", gates.map(([name, result]) => `\`${name}\` ${result}`).join(", ")]);
  if (record.attempts !== undefined) rows.push(["Attempts", String(record.attempts)]);
  if (view.state === "paused" && record.pausedUntil !== undefined)
    rows.push(["Resumes", `at ${time(record.pausedUntil)}`]);
  const failed = view.state === "needs-human" || view.state === "queued";
  if (failed && record.cause) rows.push(["Cause", `\`${cell(record.cause)}\``]);
  if (record.usage) rows.push(["Tokens and cost", usageText(record.usage)]);
  if (record.note) rows.push(["Note", cell(record.note)]);
  const lines = [
    STATUS_MARKER,
    "### Lanes status",
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ];
  if (view.state === "waiting" && record.question) {
    lines.push("", "**The agent asks:**", "", quoteUntrusted(record.question), "");
    lines.push("Answer with `/lanes say <your answer>` (or `lanes say` on the runner host).");
  }
  if (view.state === "invalid" && record.errors && record.errors.length > 0) {
    lines.push("", "**Errors** (every one must be fixed):", "");
    for (const e of record.errors)
      lines.push(`- \`${e.field}\`${e.line === null ? "" : ` (line ${e.line})`}: ${cell(e.message)}`);
  }
  if (failed && record.lastLines) {
    lines.push(
      "",
      "<details><summary>Last lines of the agent's pane</summary>",
      "",
      ...fenced(record.lastLines),
      "",
      "</details>",
    );
  }
  if (view.events.length > 0) {
    lines.push("", "<details><summary>Last events</summary>", "");
    for (const e of view.events) lines.push(`- ${time(e.at)} ${cell(e.text)}`);
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}
