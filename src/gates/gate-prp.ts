// lanes/prp: each success criterion must have evidence a reviewer can check — a test added or changed in the
// lane, named for the criterion in the PR body, that passed in the validation run (the runner's machine
// report, else the output of a passing command); or a person with write access accepting it explicitly
// (`/lanes accept <n>`, or an approving review that names it). A box the lane checks in its own PR body is
// not evidence, nor is text that restates the criterion. A lane that changes no source or test file fails,
// unless its role is documentation.
import { acceptedBy, claimedTests, type Acceptance } from "./criterion-evidence.js";
import { plural, table } from "./markdown.js";
import type { TestOutcomes } from "./test-report.js";
import type { ChangedFile, Gate, GateInput, GateResult, PrpProblem } from "./types.js";
import { validationRun } from "./validation-run.js";

export interface Evidence {
  criterion: string;
  covered: boolean;
  /** The test named for it, when the lane named one. */
  test?: string;
  /** passed / failed / not run / accepted / … */
  result: string;
  /** Where the result comes from: the report and command, or who accepted it. */
  where: string;
}

export const TEST_PATH =
  /(?:^|\/)(?:test|tests|__tests__|spec)\/|[._](?:test|spec)\.\w+$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py)$/;
/** Files that are prose, not source: they never make a lane's change "code". */
const DOC_PATH = /\.(?:md|markdown|mdx|txt|rst|adoc)$|(?:^|\/)(?:docs?|notes)\//i;
/** Lanes' own per-lane files (see lanes/lane): never the lane's work. */
const LANES_PRIVATE = /^(?:CLAUDE\.md|\.claude\/|\.lanes\/)/;
const DOCUMENTATION_ROLES = new Set(["documentation_writer", "documentation", "docs"]);

/** Where in the lane's diff the test is added or changed: `file:line` of an added line naming it. */
export function testInDiff(changes: readonly ChangedFile[], name: string): string | undefined {
  for (const file of changes) {
    if (file.status === "deleted" || !TEST_PATH.test(file.path)) continue;
    const line = file.added.find((a) => a.text.includes(name));
    if (line) return `${file.path}:${line.line}`;
  }
  return undefined;
}

export function changesSource(changes: readonly ChangedFile[]): boolean {
  return changes.some((f) => !DOC_PATH.test(f.path) && !LANES_PRIVATE.test(f.path));
}

export function mapCriteria(
  input: Pick<GateInput, "prp" | "changes" | "prBody" | "acceptances">,
  tests: TestOutcomes,
  notRun?: string,
): Evidence[] {
  const claims = claimedTests(input.prBody);
  return input.prp.criteria.map(({ text }, i) => {
    const n = i + 1;
    const accepted = acceptedBy(input.acceptances ?? [], n);
    if (accepted) return acceptedEvidence(text, accepted, claims.get(n));
    const test = claims.get(n);
    if (test === undefined)
      return {
        criterion: text,
        covered: false,
        result: "no test named",
        where: `name its test in the PR body (\`- criterion ${n}: \\\`test name\\\`\`) or have a maintainer \`/lanes accept ${n}\` or approve naming criterion ${n}`,
      };
    const at = testInDiff(input.changes, test);
    if (at === undefined)
      return {
        criterion: text,
        covered: false,
        test,
        result: "not in the lane's diff",
        where: "no test file the lane added or changed names it",
      };
    const outcome = tests.find(test);
    if (outcome === undefined)
      return {
        criterion: text,
        covered: false,
        test,
        result: "did not run",
        where: notRun ? `validation did not run: ${notRun}` : `${at}; not in the validation run's results`,
      };
    return {
      criterion: text,
      covered: outcome.status === "passed",
      test,
      result: outcome.status,
      where: `${at}; ${outcome.source}`,
    };
  });
}

function acceptedEvidence(criterion: string, accepted: Acceptance, test: string | undefined): Evidence {
  return {
    criterion,
    covered: true,
    ...(test !== undefined && { test }),
    result: "accepted",
    where: `accepted by @${accepted.by}${accepted.at ? ` (${accepted.at})` : ""}`,
  };
}

export function prpResult(mapped: Evidence[], threshold: number): GateResult {
  const covered = mapped.filter((m) => m.covered).length;
  const coverage = covered / mapped.length;
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  const rows = mapped.map((m, i) => [
    m.covered ? "✅" : "❌",
    `${i + 1}. ${m.criterion}`,
    m.test ? `\`${m.test}\`` : "—",
    m.result,
    m.where,
  ]);
  const pass = coverage >= threshold;
  return {
    conclusion: pass ? "success" : "failure",
    title: `${covered}/${mapped.length} criteria have evidence (${pct(coverage)}, needs ${pct(threshold)})`,
    summary: `${covered} of ${plural(mapped.length, "criterion")} proven by a test the lane added that passed in the validation run, or accepted by a maintainer.\n\n${table(["", "criterion", "test", "result", "where it ran"], rows)}`,
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

async function judge(input: GateInput): Promise<GateResult> {
  if (input.prpProblem) return prpProblemResult(input.prpProblem);
  if (!changesSource(input.changes) && !DOCUMENTATION_ROLES.has(input.prp.role ?? "")) {
    const files = input.changes.map((f) => `\`${f.path}\``).join(", ") || "nothing";
    return {
      conclusion: "failure",
      title: "The lane changes no source or test file",
      summary: `A ${input.prp.role ?? "lane"} lane must change code or tests; this one changed ${files}.`,
      annotations: [],
    };
  }
  if (input.prp.criteria.length === 0) {
    const all = (input.acceptances ?? []).find((a) => a.criteria === "all");
    return all
      ? {
          conclusion: "success",
          title: `Accepted by @${all.by}`,
          summary: `The PRP lists no success criteria; @${all.by} accepted the lane.`,
          annotations: [],
        }
      : {
          conclusion: "neutral",
          title: "No success criteria: waits for a person's acceptance",
          summary:
            "The PRP lists no success criteria, so nothing can be proven. A maintainer accepts the lane with `/lanes accept` on the PR (or an approving review that says “all criteria”); until then it is not integrated.",
          annotations: [],
        };
  }
  const run = await validationRun(input);
  return prpResult(mapCriteria(input, run.tests, run.notRun), input.config.prpCoverage);
}

export const prpGate: Gate = {
  name: "prp",
  description: "each success criterion proven by a passing test the lane added, or accepted by a maintainer",
  run: judge,
};
