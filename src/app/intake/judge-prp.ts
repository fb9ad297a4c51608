// Decides what an issue's PRP is: invalid (every error with field and line), ready, or blocked on open
// dependencies — from its parse result and the repository's other open PRPs. Pure: callers fetch the inputs.
import { buildGraph, type GraphNode, type ParseResult, type Prp } from "../../prp/index.js";

export interface PrpError {
  field: string;
  line: number | null;
  message: string;
}

/** What is known about an issue a PRP depends on that is not one of the open PRPs. */
export type OutsideIssue = "closed" | "open" | "missing";

export interface JudgeInput {
  issue: number;
  /** The issue's text (title + body are parsed together), for finding lines. */
  body: string;
  parsed: ParseResult;
  /** The repository's other open PRPs: issue → the issue numbers it depends on. */
  openPrps: ReadonlyMap<number, readonly number[]>;
  /** Dependencies that are not open PRPs, as fetched. */
  outside: ReadonlyMap<number, OutsideIssue>;
}

export type Verdict =
  | { kind: "invalid"; errors: PrpError[]; prp: Prp | undefined }
  | { kind: "ready" | "blocked"; prp: Prp; deps: number[]; waitingOn: number[] };

const DEPENDS_ON = /^\s*(?:[-*]\s*)?\|?\s*\**(depends_on|depends on|dependencies)\**\s*[:|]/im;

/** The 1-based line of the `depends_on` field, or null when the text has none. */
export function dependsOnLine(text: string): number | null {
  const match = DEPENDS_ON.exec(text);
  return match ? text.slice(0, match.index).split("\n").length : null;
}

/** Issue numbers in `depends_on`; a backlog id (not a number) cannot be resolved on GitHub and is an error. */
export function dependencyNumbers(prp: Prp): { numbers: number[]; notNumbers: string[] } {
  const numbers: number[] = [];
  const notNumbers: string[] = [];
  for (const ref of prp.dependsOn) {
    if (/^\d+$/.test(ref)) numbers.push(Number(ref));
    else notNumbers.push(ref);
  }
  return { numbers: [...new Set(numbers)], notNumbers };
}

export function judgePrp(input: JudgeInput): Verdict {
  const { parsed, issue } = input;
  const prp = parsed.prp;
  const errors: PrpError[] = parsed.errors.map((e) => ({ field: e.field, line: e.line, message: e.message }));
  if (!parsed.ok || !prp) return { kind: "invalid", errors, prp };
  const line = dependsOnLine(input.body);
  const { numbers, notNumbers } = dependencyNumbers(prp);
  for (const ref of notNumbers)
    errors.push({ field: "depends_on", line, message: `"${ref}" is not an issue number; write #12 or 12` });
  const self = String(issue);
  const nodes: GraphNode[] = [...input.openPrps.entries()]
    .filter(([n]) => n !== issue)
    .map(([n, deps]) => ({ id: String(n), dependsOn: deps.map(String), priority: "medium" }));
  nodes.push({ id: self, dependsOn: numbers.map(String), priority: prp.priority });
  const external = new Set(
    [...input.outside.entries()].filter(([, kind]) => kind !== "missing").map(([n]) => String(n)),
  );
  const graph = buildGraph(nodes, { external });
  for (const problem of graph.issues) {
    if (!problem.ids.includes(self)) continue;
    if (problem.kind === "unknown-dependency" && problem.ids[0] !== self) continue;
    const message =
      problem.kind === "cycle"
        ? `dependency cycle: ${[...problem.ids, problem.ids[0]].map((id) => `#${id}`).join(" → ")}`
        : problem.kind === "self-dependency"
          ? `#${issue} depends on itself`
          : `#${problem.ids[1]} does not exist in this repository`;
    errors.push({ field: "depends_on", line, message });
  }
  if (errors.length > 0) return { kind: "invalid", errors, prp };
  const waitingOn = numbers.filter((n) => input.openPrps.has(n) || input.outside.get(n) === "open");
  return { kind: waitingOn.length > 0 ? "blocked" : "ready", prp, deps: numbers, waitingOn };
}
