// Carries out a reconcile plan: state, facts and dependents written back to Redis, jobs queued again.
// GitHub is written only where the plan changes a state (requeue, intake): labels and the status comment.
import { parsePrp, type Prp } from "../../prp/index.js";
import type { RoleName } from "../../domain/role-names.js";
import { repoName, type RepoDeps } from "../repo-deps.js";
import { enqueuePrp, lanePayloadOf } from "../intake/enqueue-prp.js";
import { DEFAULT_ROLE, intakePrp } from "../intake/intake-prp.js";
import { snapshotOfIssue } from "../intake/issue-snapshot.js";
import { updatePrp } from "../lifecycle/update-prp.js";
import { issueStateKey } from "../transition.js";
import type { GitHubFacts } from "./read-github-facts.js";
import type { ReconcilePlan, ReconcileStep } from "./plan-reconcile.js";

export interface ReconcileOutcome {
  issue: number;
  action: ReconcileStep["action"];
  /** The state it has afterwards (null: none). */
  state: string | null;
  /** The job queued for it, if any. */
  job: string | null;
}

const ACTOR = "lanes reconcile";
// Restores first (states and dependents in place), then what changes state and may unblock or enqueue.
const ORDER: Record<ReconcileStep["action"], number> = { keep: 0, restore: 1, requeue: 2, intake: 3 };

function prpOf(facts: GitHubFacts, issue: number): Prp | undefined {
  const found = facts.prps.find((i) => i.number === issue);
  return found
    ? parsePrp(found.body ?? "", { issueTitle: found.title, defaults: { role: DEFAULT_ROLE } }).prp
    : undefined;
}

async function restore(deps: RepoDeps, step: ReconcileStep, facts: GitHubFacts): Promise<string | null> {
  const { store } = deps;
  const state = step.label;
  if (state === null) return null;
  await store.transition(
    issueStateKey(step.issue),
    await store.readIssueState(issueStateKey(step.issue)),
    state,
    ACTOR,
  );
  const before = (await store.readPrpRecord(step.issue)).waitingOn ?? [];
  await store.patchPrpRecord(step.issue, step.facts);
  await store.setWaitingOn(step.issue, before, state === "blocked" ? (step.facts.waitingOn ?? []) : []);
  await store.addPrpEvent(step.issue, `${state}: restored from GitHub (${ACTOR})`);
  const prp = prpOf(facts, step.issue);
  if (!prp || step.job === null) return null;
  const role = (step.facts.role ?? DEFAULT_ROLE) as RoleName;
  if (step.job === "queue") return enqueuePrp(deps, step.issue, prp, role);
  const id = `issue-${step.issue}-${Date.now().toString(36)}`;
  await store.enqueue(
    {
      id,
      repo: repoName(facts.repo),
      issue: step.issue,
      role,
      priority: prp.priority,
      title: prp.title.slice(0, 500) || `#${step.issue}`,
      kind: "build",
      payload: { prp: lanePayloadOf(prp) },
    },
    { needsHuman: `restored by ${ACTOR}: it needed a person before Redis was lost` },
  );
  await store.patchPrpRecord(step.issue, { jobId: id });
  return id;
}

async function applyStep(deps: RepoDeps, step: ReconcileStep, facts: GitHubFacts): Promise<ReconcileOutcome> {
  const outcome = (state: string | null, job: string | null): ReconcileOutcome => ({
    issue: step.issue,
    action: step.action,
    state,
    job,
  });
  if (step.action === "keep") return outcome(step.label, null);
  if (step.action === "restore") return outcome(step.label, await restore(deps, step, facts));
  const issue = facts.prps.find((i) => i.number === step.issue);
  if (!issue) return outcome(step.label, null);
  if (step.action === "requeue") {
    await restore(deps, { ...step, job: null }, facts);
    const result = await updatePrp(deps, {
      issue: step.issue,
      event: "requeued",
      actor: ACTOR,
      labels: issue.labels,
      note: step.why,
    });
    const prp = prpOf(facts, step.issue);
    const job =
      result.applied && prp
        ? await enqueuePrp(deps, step.issue, prp, (step.facts.role ?? DEFAULT_ROLE) as RoleName)
        : null;
    return outcome(result.to, job);
  }
  const result = await intakePrp(deps, snapshotOfIssue(issue), {
    actor: ACTOR,
    readyEvent: step.label === "blocked" ? "unblocked" : "accepted",
    textChanged: true,
  });
  const { jobId } = await deps.store.readPrpRecord(step.issue);
  return outcome(result.to, result.to === "queued" ? (jobId ?? null) : null);
}

export async function applyReconcile(
  deps: RepoDeps,
  plan: ReconcilePlan,
  facts: GitHubFacts,
): Promise<ReconcileOutcome[]> {
  const outcomes: ReconcileOutcome[] = [];
  for (const step of [...plan.steps].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.issue - b.issue))
    outcomes.push(await applyStep(deps, step, facts));
  return outcomes.sort((a, b) => a.issue - b.issue);
}
