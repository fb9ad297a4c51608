// The integration pull request (pure): title and markdown body listing what merged, what conflicted
// (with files), which lanes broke validation and why, and which validation ran. Opened by the GitHub port.
import type { IntegrationResult } from "./apply-integration.js";

export interface IntegrationPr {
  title: string;
  body: string;
  head: string;
  base: string;
}

/** Null when no integration branch was written (nothing merged, or validation still fails). */
export function renderIntegrationPr(result: IntegrationResult): IntegrationPr | null {
  if (result.branch === null) return null;
  const date = result.branch.split("/").pop() ?? result.branch;
  const lanes = new Map(result.lanes.map((l) => [l.branch, l]));
  const label = (branch: string) => {
    const lane = lanes.get(branch);
    if (!lane) return `\`${branch}\``;
    const prp = /^\d+$/.test(lane.id) ? `#${lane.id}` : lane.id;
    return `\`${branch}\` (${prp}${lane.title ? ` ${lane.title}` : ""})`;
  };
  const sections: string[] = [
    `Lanes integrated onto \`${result.base}\` (${result.baseCommit.slice(0, 12)}) in dependency, priority and role order.`,
    section(
      `Merged (${result.merged.length})`,
      result.merged.map((b, i) => `${i + 1}. ${label(b)}`),
    ),
  ];
  if (result.conflicts.length > 0) {
    sections.push(
      section(
        `Conflicted, not merged (${result.conflicts.length})`,
        result.conflicts.map(
          (c) =>
            `- ${label(c.branch)} conflicts with ${c.with.map((w) => `\`${w}\``).join(", ")} in ${c.files.map((f) => `\`${f}\``).join(", ")}`,
        ),
      ),
    );
  }
  if (result.culprits.length > 0) {
    sections.push(
      section(
        `Broke validation, not merged (${result.culprits.length})`,
        result.culprits.map(
          (c) =>
            `${label(c.branch)}: ${c.reason}\n\n<details><summary>output</summary>\n\n\`\`\`\n${fence(c.output)}\n\`\`\`\n\n</details>\n`,
        ),
      ),
    );
  }
  if (result.skipped.length > 0)
    sections.push(
      section(
        `Skipped (${result.skipped.length})`,
        result.skipped.map((s) => `- \`${s.branch}\` (${s.kind}): ${s.reason}`),
      ),
    );
  const validation =
    result.validation.length === 0
      ? ["No validation commands were configured."]
      : result.validation.map((v) => `- ${v.ok ? "✅" : "❌"} \`${v.command}\``);
  sections.push(section("Validation", validation));
  const requeued = result.requeue.map(
    (r) =>
      `- \`${r.job.branch}\` → ${r.target === "role" ? `${r.job.role} queue (attempt ${r.job.attempt} of ${r.job.maxAttempts})` : `needs-human: ${r.why}`}`,
  );
  if (requeued.length > 0) sections.push(section("Sent back", requeued));
  return {
    title: `Integration ${date}: ${result.merged.length} lane${result.merged.length === 1 ? "" : "s"}`,
    body: `${sections.join("\n\n")}\n`,
    head: result.branch,
    base: result.base,
  };
}

const section = (heading: string, lines: readonly string[]): string =>
  `### ${heading}\n\n${lines.join("\n")}`;

/** Keeps command output from closing the code fence it sits in. */
const fence = (text: string): string => text.replace(/```/g, "ˋˋˋ").trimEnd();
