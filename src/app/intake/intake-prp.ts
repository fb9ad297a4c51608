// Intake: an issue labelled `prp` (opened with it, edited, reopened, or re-checked when a dependency is done)
// is parsed, validated, checked against the repository's other open PRPs, given its state label and, when
// ready, queued for its role. PRPs already being worked on are not re-read; nothing here runs issue text.
import type { RoleName } from "../../domain/role-names.js";
import { parsePrp } from "../../prp/index.js";
import { updatePrp } from "../lifecycle/update-prp.js";
import type { From, PrpEvent } from "../transitions.js";
import { currentState, type TransitionResult } from "../transition.js";
import type { RepoDeps } from "../repo-deps.js";
import { cancelPrpJob, enqueuePrp } from "./enqueue-prp.js";
import type { IssueSnapshot } from "./issue-snapshot.js";
import { judgePrp } from "./judge-prp.js";
import { readGraph } from "./read-graph.js";

export const DEFAULT_ROLE: RoleName = "developer";

/** States whose PRP text is read again on an edit: no agent has started on it. */
const REREAD: readonly From[] = [null, "invalid", "blocked", "queued"];
const TRUSTED_ASSOCIATIONS = new Set(["OWNER"]);
const WRITERS = new Set(["admin", "maintain", "write"]);

export interface IntakeOptions {
  actor: string;
  /** The event for a PRP found ready while blocked: `unblocked` when a dependency's merge triggered it. */
  readyEvent?: Extract<PrpEvent, "accepted" | "unblocked">;
  /** The text may have changed (an edit): a PRP that stays queued is queued again with the new text. */
  textChanged?: boolean;
  /** `/lanes approve` by a maintainer: a PRP in needs-approval is read as if its author could write. */
  approved?: boolean;
}

export type IntakeResult = TransitionResult | { applied: false; from: From; to: From; reason: "in-progress" };

async function authorMayWrite(deps: RepoDeps, issue: IssueSnapshot): Promise<boolean> {
  if (issue.authorAssociation && TRUSTED_ASSOCIATIONS.has(issue.authorAssociation)) return true;
  return WRITERS.has(await deps.github.permissionLevel(deps.repo, issue.author));
}

export async function intakePrp(
  deps: RepoDeps,
  issue: IssueSnapshot,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const { store } = deps;
  const n = issue.number;
  const { state: from } = await currentState(store, n, issue.labels);
  const approving = options.approved === true && from === "needs-approval";
  if (!REREAD.includes(from) && !approving) return { applied: false, from, to: from, reason: "in-progress" };
  const common = {
    issue: n,
    actor: options.actor,
    labels: issue.labels,
    hasComments: (issue.comments ?? 1) > 0,
  };
  // a PRP that was accepted before (blocked, queued) was judged by someone with write access already
  if ((from === null || from === "invalid") && !(await authorMayWrite(deps, issue))) {
    return updatePrp(deps, {
      ...common,
      event: "outsider",
      note: `opened by @${issue.author}, who has no write access`,
      facts: { title: issue.title },
    });
  }
  const parsed = parsePrp(issue.body, { issueTitle: issue.title, defaults: { role: DEFAULT_ROLE } });
  const numbers = parsed.prp ? parsed.prp.dependsOn.filter((d) => /^\d+$/.test(d)).map(Number) : [];
  const graph = await readGraph(deps.github, deps.repo, n, numbers);
  const verdict = judgePrp({ issue: n, body: issue.body, parsed, ...graph });
  const before = (await store.readPrpRecord(n)).waitingOn ?? [];
  if (verdict.kind === "invalid") {
    await cancelPrpJob(store, n, { waitingOnly: true });
    await store.setWaitingOn(n, before, []);
    return updatePrp(deps, {
      ...common,
      event: "rejected",
      note: `${verdict.errors.length} error(s) in the PRP`,
      facts: { title: issue.title, errors: verdict.errors, deps: [], waitingOn: [] },
    });
  }
  const { prp } = verdict;
  const role = prp.role ?? DEFAULT_ROLE;
  const facts = {
    title: prp.title,
    role,
    priority: prp.priority,
    deps: verdict.deps,
    waitingOn: verdict.waitingOn,
    errors: [],
  };
  await store.setWaitingOn(n, before, verdict.waitingOn);
  if (verdict.kind === "blocked") {
    await cancelPrpJob(store, n, { waitingOnly: true });
    const result = await updatePrp(deps, {
      ...common,
      event: approving ? "approved-blocked" : "accepted-blocked",
      facts,
      note: `waits on ${verdict.waitingOn.map((d) => `#${d}`).join(", ")}`,
    });
    if (!result.applied) await store.patchPrpRecord(n, facts);
    return result;
  }
  const event = approving ? "approved" : from === "blocked" ? (options.readyEvent ?? "accepted") : "accepted";
  const result = await updatePrp(deps, { ...common, event, facts, note: `queued for ${role}` });
  // a new PRP, or an edit of a queued one: (re)queue it with the text as it is now
  if (result.applied) await enqueuePrp(deps, n, prp, role);
  else if (result.to === "queued" && options.textChanged) {
    await store.patchPrpRecord(n, facts);
    await enqueuePrp(deps, n, prp, role);
  }
  return result;
}
