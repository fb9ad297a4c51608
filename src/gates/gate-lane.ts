// lanes/lane: the branch follows `lanes/<role>/<issue>-<slug>` with the PRP's role, changes stay inside
// the PRP's paths, and files other active lanes also change are reported (a warning, never a failure).
import { table } from "./markdown.js";
import { pathMatcher } from "./path-globs.js";
import type { Annotation, ChangedFile, Gate, GateInput, GateResult } from "./types.js";

const PLACEHOLDERS: Record<string, string> = {
  "{role}": "(?<role>[a-z][a-z_]*)",
  "{issue}": "(?<issue>\\d+)",
  "{slug}": "(?<slug>[a-z0-9][a-z0-9-]*)",
};

/** The branch pattern of lanes.yml (`lanes/{role}/{issue}-{slug}`) as a RegExp with named groups. */
export function branchRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\{role\}|\{issue\}|\{slug\})/)
    .map((part) => PLACEHOLDERS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("");
  return new RegExp(`^${source}$`);
}

interface Problem {
  level: "failure" | "warning";
  text: string;
}

const firstLine = (file: ChangedFile) => file.added[0]?.line ?? 1;

export function laneResult(
  input: Pick<GateInput, "branch" | "prp" | "changes" | "otherLanes" | "config" | "stackedOn">,
): GateResult {
  const problems: Problem[] = [];
  const annotations: Annotation[] = [];
  const pattern = input.config.branchPattern;
  const groups = branchRegExp(pattern).exec(input.branch.replace(/^origin\//, ""))?.groups;
  if (!groups)
    problems.push({ level: "failure", text: `Branch \`${input.branch}\` does not follow \`${pattern}\`.` });
  else {
    if (input.prp.role && groups.role && groups.role !== input.prp.role)
      problems.push({
        level: "failure",
        text: `Branch role \`${groups.role}\` differs from the PRP's role \`${input.prp.role}\`.`,
      });
    if (input.prp.id && /^\d+$/.test(input.prp.id) && groups.issue !== input.prp.id)
      problems.push({
        level: "failure",
        text: `Branch issue \`${groups.issue}\` differs from the PRP's issue \`${input.prp.id}\`.`,
      });
  }
  const paths = input.prp.paths ?? [];
  const inside = pathMatcher(paths);
  const foreign = paths.length === 0 ? [] : input.changes.filter((file) => !inside(file.path));
  // Up to max_foreign_files outside the paths are tolerated: still reported, as warnings.
  const level = foreign.length > input.config.maxForeignFiles ? "failure" : "warning";
  for (const file of foreign) {
    problems.push({ level, text: `\`${file.path}\` is outside the PRP's paths.` });
    const line = firstLine(file);
    annotations.push({
      path: file.path,
      startLine: line,
      endLine: line,
      level,
      title: "Outside the lane's paths",
      message: `The PRP owns ${paths.join(", ")}; this file is outside them.`,
    });
  }
  const overlaps: string[][] = [];
  for (const file of input.changes) {
    const lanes = (input.otherLanes ?? []).filter((l) => l.files.includes(file.path)).map((l) => l.branch);
    if (lanes.length === 0) continue;
    overlaps.push([file.path, lanes.join(", ")]);
    problems.push({ level: "warning", text: `\`${file.path}\` is also changed by ${lanes.join(", ")}.` });
    const line = firstLine(file);
    annotations.push({
      path: file.path,
      startLine: line,
      endLine: line,
      level: "warning",
      title: "Also changed by another lane",
      message: `Also changed by ${lanes.join(", ")}: expect a conflict at integration.`,
    });
  }
  const failures = problems.filter((p) => p.level === "failure");
  const conclusion = failures.length > 0 ? "failure" : problems.length > 0 ? "neutral" : "success";
  const title =
    failures.length > 0
      ? `${failures.length} lane problem(s)`
      : overlaps.length > 0
        ? `${overlaps.length} file(s) overlap other lanes`
        : "Lane follows its PRP";
  const lines = [
    `Branch \`${input.branch}\`; PRP role \`${input.prp.role ?? "(none)"}\`; paths ${paths.length > 0 ? paths.map((p) => `\`${p}\``).join(", ") : "(any)"}.`,
    ...(input.stackedOn && input.stackedOn.length > 0
      ? [
          `Stacked on ${input.stackedOn.map((b) => `\`${b}\``).join(", ")}: only changes beyond them are checked.`,
        ]
      : []),
    ...(problems.length > 0
      ? ["", ...problems.map((p) => `- ${p.level === "failure" ? "❌" : "⚠️"} ${p.text}`)]
      : []),
    ...(overlaps.length > 0 ? ["", table(["file", "also changed by"], overlaps)] : []),
  ];
  return { conclusion, title, summary: lines.join("\n"), annotations };
}

export const laneGate: Gate = {
  name: "lane",
  description: "branch naming and role, changes inside the PRP's paths, overlap with other lanes",
  run: async (input) => laneResult(input),
};
