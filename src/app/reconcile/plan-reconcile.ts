// Plans how `lanes reconcile` rebuilds working memory from GitHub: per open PRP, what its state label says,
// what Redis still knows, and what to do. Pure: a plain value that --dry-run prints and apply carries out.
import { closingIssueNumbers } from "../../prp/closing-refs.js";
import type { PrpRecord } from "../../state/index.js";
import { parsePrp } from "../../prp/index.js";
import { DEFAULT_ROLE } from "../intake/intake-prp.js";
import { judgePrp, dependencyNumbers, type Verdict } from "../intake/judge-prp.js";
import { stateLabelsOf, type PrpState } from "../prp-state.js";
import type { GitHubFacts } from "./read-github-facts.js";

/** What Redis holds for a PRP now: its state and whether its job is still open there. */
export interface RedisFacts {
  state: string | null;
  openJob: boolean;
}

export type ReconcileAction =
  /** Redis agrees with GitHub: nothing to do. */
  | "keep"
  /** Write the label's state, the PRP's facts and who it waits on back to Redis; queue its job if it had one. */
  | "restore"
  /** It was running, and its lease died with Redis: back to the queue (label and status comment follow). */
  | "requeue"
  /** No state label yet, or its text now says otherwise: judged as when it is labelled `prp`. */
  | "intake";

export interface ReconcileStep {
  issue: number;
  title: string;
  action: ReconcileAction;
  /** The state label it carries (null: none). */
  label: PrpState | null;
  why: string;
  /** What Redis is given back (restore and requeue). */
  facts: PrpRecord;
  /** The job a restore puts back: on its role's queue, or parked as needs-human. */
  job: "queue" | "needs-human" | null;
}

export interface ReconcilePlan {
  repo: string;
  steps: ReconcileStep[];
}

/** States whose PRP is read again and judged (no agent has started on it). */
const JUDGED: ReadonlySet<PrpState | null> = new Set([null, "invalid", "blocked", "queued"]);
const RUNNING: ReadonlySet<PrpState> = new Set(["active", "waiting", "paused"]);
const LANE_BRANCH = /^lanes\/([^/]+)\/(\d+)-/;

function judgedState(verdict: Verdict): "invalid" | "blocked" | "queued" {
  return verdict.kind === "invalid" ? "invalid" : verdict.kind === "blocked" ? "blocked" : "queued";
}

/** Lane branch and open PR per issue: a PR closes it ("Closes #n") or its head is the issue's lane branch. */
function lanesByIssue(facts: GitHubFacts): Map<number, { branch?: string; pr?: string }> {
  const found = new Map<number, { branch?: string; pr?: string }>();
  const at = (n: number) => found.get(n) ?? (found.set(n, {}).get(n) as { branch?: string; pr?: string });
  for (const { name } of facts.branches) {
    const match = LANE_BRANCH.exec(name);
    if (match && match[1] !== "integration") at(Number(match[2])).branch = name;
  }
  for (const pull of facts.pulls) {
    const fromBranch = LANE_BRANCH.exec(pull.head.ref);
    const issues = closingIssueNumbers(pull.body, facts.repo);
    if (fromBranch && fromBranch[1] !== "integration") issues.push(Number(fromBranch[2]));
    for (const n of new Set(issues)) Object.assign(at(n), { pr: pull.htmlUrl, branch: pull.head.ref });
  }
  return found;
}

export function planReconcile(facts: GitHubFacts, redis: ReadonlyMap<number, RedisFacts>): ReconcilePlan {
  const openPrps = new Map<number, number[]>();
  const parsed = new Map(
    facts.prps.map((i) => [
      i.number,
      parsePrp(i.body ?? "", { issueTitle: i.title, defaults: { role: DEFAULT_ROLE } }),
    ]),
  );
  for (const [n, result] of parsed) openPrps.set(n, result.prp ? dependencyNumbers(result.prp).numbers : []);
  const lanes = lanesByIssue(facts);
  const steps = facts.prps.map((issue): ReconcileStep => {
    const n = issue.number;
    const label = stateLabelsOf(issue.labels)[0] ?? null;
    const verdict = judgePrp({
      issue: n,
      body: issue.body ?? "",
      parsed: parsed.get(n) ?? parsePrp(""),
      openPrps,
      outside: facts.outside,
    });
    const prp = verdict.prp;
    const record: PrpRecord = {
      title: prp?.title || issue.title,
      ...(prp ? { role: prp.role ?? DEFAULT_ROLE, priority: prp.priority } : {}),
      ...(verdict.kind === "invalid"
        ? { errors: verdict.errors }
        : { deps: verdict.deps, waitingOn: verdict.waitingOn }),
      ...lanes.get(n),
    };
    const base = { issue: n, title: issue.title, label, facts: record, job: null };
    const known = redis.get(n) ?? { state: null, openJob: false };
    const needsJob = label === "queued" || label === "needs-human" || (label !== null && RUNNING.has(label));
    if (known.state === label && label !== null && (!needsJob || known.openJob))
      return { ...base, action: "keep", why: "Redis agrees with its label" };
    if (JUDGED.has(label)) {
      const judged = judgedState(verdict);
      if (label === null) return { ...base, action: "intake", why: "labelled prp, never judged" };
      if (judged !== label) return { ...base, action: "intake", why: `its text now makes it ${judged}` };
      return {
        ...base,
        action: "restore",
        why: `${label} per its label`,
        job: label === "queued" ? "queue" : null,
      };
    }
    if (label !== null && RUNNING.has(label))
      return { ...base, action: "requeue", why: `was ${label}; its lease was lost with Redis` };
    return {
      ...base,
      action: "restore",
      why: `${label ?? "no state"} per its label`,
      job: label === "needs-human" ? "needs-human" : null,
    };
  });
  return { repo: `${facts.repo.owner}/${facts.repo.repo}`, steps };
}
