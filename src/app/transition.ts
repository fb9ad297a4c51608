// The one way a PRP changes state, whoever causes it (the App, a supervisor, a command): a step of the pure
// table, compare-and-set in Redis, then the label swap on GitHub so the issue carries exactly one `lanes:*`
// state label. A stale or out-of-order event changes nothing and makes no GitHub call.
import type { GitHubPort, RepoRef } from "../github/index.js";
import type { Logger } from "../observe/logger.js";
import type { StateStore } from "../state/index.js";
import { TransitionConflictError } from "./errors.js";
import { PrpStateSchema, stateLabel, stateLabelsOf, stateOfLabel, type PrpState } from "./prp-state.js";
import { nextState, type From, type PrpEvent } from "./transitions.js";

export interface TransitionDeps {
  store: Pick<StateStore, "transition" | "readIssueState">;
  github: Pick<GitHubPort, "addLabels" | "removeLabel">;
  repo: RepoRef;
  log: Logger;
}

export interface TransitionRequest {
  issue: number;
  event: PrpEvent;
  /** Who caused it (a GitHub login, `supervisor@host`, `lanes`), for the audit stream. */
  actor: string;
  /**
   * The issue's labels when the caller has them (a webhook payload): a PRP Redis has forgotten starts from its
   * label, and stray state labels are removed as well.
   */
  labels?: readonly string[];
}

export type TransitionResult =
  | { applied: true; from: From; to: PrpState | null }
  /** `unchanged`: already in the target state; `not-allowed`: the table has no such step from the current state. */
  | { applied: false; from: From; to: From; reason: "unchanged" | "not-allowed" };

const CAS_ATTEMPTS = 5;

export function issueStateKey(issue: number): string {
  return String(issue);
}

/** The PRP's state: Redis's, or (Redis lost it) the state label the issue carries. */
export async function currentState(
  store: Pick<StateStore, "readIssueState">,
  issue: number,
  labels?: readonly string[],
): Promise<{ state: From; stored: string | null }> {
  const stored = await store.readIssueState(issueStateKey(issue));
  const parsed = PrpStateSchema.safeParse(stored);
  if (parsed.success) return { state: parsed.data, stored };
  return { state: stateLabelsOf(labels ?? [])[0] ?? null, stored };
}

export async function transition(
  deps: TransitionDeps,
  request: TransitionRequest,
): Promise<TransitionResult> {
  const { store, log } = deps;
  const key = issueStateKey(request.issue);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt += 1) {
    const { state: from, stored } = await currentState(store, request.issue, request.labels);
    const to = nextState(from, request.event);
    if (to === undefined) {
      log.debug({ issue: request.issue, from, event: request.event }, "transition not allowed: ignored");
      return { applied: false, from, to: from, reason: "not-allowed" };
    }
    if (to === from) return { applied: false, from, to, reason: "unchanged" };
    if (await store.transition(key, stored, to, request.actor)) {
      await swapLabels(deps, request, from, to);
      log.info(
        { issue: request.issue, from, to, event: request.event, actor: request.actor },
        "prp state changed",
      );
      return { applied: true, from, to };
    }
  }
  throw new TransitionConflictError(
    `issue #${request.issue}: state kept changing under "${request.event}"; try again`,
    { context: { issue: request.issue, event: request.event } },
  );
}

/** Adds the new state label, then removes every other state label the issue has (normally just the old one). */
async function swapLabels(
  deps: TransitionDeps,
  request: TransitionRequest,
  from: From,
  to: PrpState | null,
): Promise<void> {
  const { github, repo } = deps;
  const stale = new Set<string>(from === null ? [] : [stateLabel(from)]);
  for (const label of request.labels ?? []) if (stateOfLabel(label)) stale.add(label);
  if (to !== null) {
    const now = await github.addLabels(repo, request.issue, [stateLabel(to)]);
    stale.clear();
    for (const label of now) if (stateOfLabel(label)) stale.add(label);
    stale.delete(stateLabel(to));
  }
  for (const label of stale) await github.removeLabel(repo, request.issue, label);
}
