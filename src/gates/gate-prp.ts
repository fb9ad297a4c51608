// lanes/prp: each success criterion of the PRP mapped to evidence — the lane's added code and tests that
// carry the criterion's words, or its box checked in the PR body — passing at the configured coverage.
import { keywords, words } from "./keywords.js";
import { plural, table } from "./markdown.js";
import type { ChangedFile, Gate, GateInput, GateResult, PrpProblem } from "./types.js";

export interface Evidence {
  criterion: string;
  keywords: string[];
  covered: boolean;
  /** file:line of the best matching added lines, or "checked in the PR body". */
  evidence: string[];
}

const TEST_PATH =
  /(?:^|\/)(?:test|tests|__tests__|spec)\/|[._](?:test|spec)\.\w+$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py)$/;

function checkedInBody(prBody: string | undefined): Set<string> {
  const checked = new Set<string>();
  for (const match of (prBody ?? "").matchAll(/^\s*[-*]\s+\[[xX]\]\s+(.+?)\s*$/gm))
    checked.add(words(match[1] as string).join(" "));
  return checked;
}

/** The lines of one file that carry the most criterion keywords, and how many distinct keywords the file carries. */
function matchFile(
  file: ChangedFile,
  wanted: ReadonlySet<string>,
): { found: Set<string>; lines: { line: number; hits: number }[] } {
  const found = new Set<string>();
  const lines: { line: number; hits: number }[] = [];
  for (const added of file.added) {
    const hits = new Set(words(added.text).filter((w) => wanted.has(w)));
    for (const h of hits) found.add(h);
    if (hits.size > 0) lines.push({ line: added.line, hits: hits.size });
  }
  for (const w of words(file.path)) if (wanted.has(w)) found.add(w);
  return { found, lines: lines.sort((a, b) => b.hits - a.hits || a.line - b.line) };
}

export function mapCriteria(input: Pick<GateInput, "prp" | "changes" | "prBody">): Evidence[] {
  const checked = checkedInBody(input.prBody);
  return input.prp.criteria.map(({ text }) => {
    const kws = keywords(text);
    if (checked.has(words(text).join(" ")))
      return { criterion: text, keywords: kws, covered: true, evidence: ["checked in the PR body"] };
    const wanted = new Set(kws);
    const needed = Math.max(1, Math.ceil(kws.length / 2));
    const matches = input.changes
      .filter((f) => f.status !== "deleted")
      .map((file) => ({ file, ...matchFile(file, wanted) }))
      .filter((m) => m.found.size >= needed && m.lines.length > 0)
      // Tests first: a test that names the behaviour is the strongest evidence.
      .sort(
        (a, b) =>
          Number(TEST_PATH.test(b.file.path)) - Number(TEST_PATH.test(a.file.path)) ||
          b.found.size - a.found.size,
      );
    const evidence = matches.slice(0, 3).map((m) => `${m.file.path}:${m.lines[0]?.line}`);
    return { criterion: text, keywords: kws, covered: kws.length > 0 && evidence.length > 0, evidence };
  });
}

export function prpResult(mapped: Evidence[], threshold: number): GateResult {
  if (mapped.length === 0) {
    return {
      conclusion: "neutral",
      title: "No success criteria",
      summary: "The PRP lists no success criteria, so there is nothing to map.",
      annotations: [],
    };
  }
  const covered = mapped.filter((m) => m.covered).length;
  const coverage = covered / mapped.length;
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  const rows = mapped.map((m) => [
    m.covered ? "✅" : "❌",
    m.criterion,
    m.evidence.length > 0 ? m.evidence.join(", ") : "no evidence",
  ]);
  const pass = coverage >= threshold;
  return {
    conclusion: pass ? "success" : "failure",
    title: `${covered}/${mapped.length} criteria have evidence (${pct(coverage)}, needs ${pct(threshold)})`,
    summary: `${covered} of ${plural(mapped.length, "criterion")} mapped to evidence in the lane's added lines or the PR body.\n\n${table(["", "criterion", "evidence"], rows)}`,
    annotations: [],
  };
}

/** A PRP that is not linked leaves nothing to judge (neutral); one that does not parse is the lane's to fix (failure). */
export function prpProblemResult(problem: PrpProblem): GateResult {
  return {
    conclusion: problem.kind === "invalid" ? "failure" : "neutral",
    title: problem.title,
    summary: problem.summary,
    annotations: [],
  };
}

export const prpGate: Gate = {
  name: "prp",
  description: "success criteria mapped to evidence in the lane's code, tests or PR body",
  run: async (input) =>
    input.prpProblem
      ? prpProblemResult(input.prpProblem)
      : prpResult(mapCriteria(input), input.config.prpCoverage),
};
