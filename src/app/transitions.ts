// The PRP state machine as a pure table: (from, event) → to. `null` is "no state" (not a PRP yet, or withdrawn).
// Never does I/O; transition.ts applies a step of it with compare-and-set.
import { PRP_STATES, type PrpState } from "./prp-state.js";

export const PRP_EVENTS = [
  "accepted",
  "accepted-blocked",
  "outsider",
  "approved",
  "approved-blocked",
  "rejected",
  "unblocked",
  "claimed",
  "asked",
  "answered",
  "finished",
  "usage-limit",
  "paused",
  "resumed",
  "requeued",
  "gave-up",
  "retried",
  "merged",
  "withdrawn",
] as const;
export type PrpEvent = (typeof PRP_EVENTS)[number];

export type From = PrpState | null;

export interface TransitionRule {
  from: readonly From[];
  event: PrpEvent;
  to: PrpState | null;
  /** What happened, for the docs table and the status comment. */
  why: string;
}

// States whose PRP text is re-read when it is labelled, edited or reopened: no lane has started on it yet.
const BEFORE_WORK: readonly From[] = [null, "invalid", "blocked", "queued"];
const RUNNING: readonly From[] = ["active", "waiting", "paused"];
const ANY: readonly From[] = [null, ...PRP_STATES];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    from: BEFORE_WORK,
    event: "accepted",
    to: "queued",
    why: "labelled `prp` (or edited), valid, dependencies done",
  },
  {
    from: BEFORE_WORK,
    event: "accepted-blocked",
    to: "blocked",
    why: "labelled `prp` (or edited), valid, a dependency open",
  },
  {
    from: [null, "invalid"],
    event: "outsider",
    to: "needs-approval",
    why: "labelled `prp`, author without write access",
  },
  {
    from: ["needs-approval"],
    event: "approved",
    to: "queued",
    why: "`/lanes approve` by a maintainer, dependencies done",
  },
  {
    from: ["needs-approval"],
    event: "approved-blocked",
    to: "blocked",
    why: "`/lanes approve` by a maintainer, a dependency open",
  },
  {
    from: [...BEFORE_WORK, "needs-approval"],
    event: "rejected",
    to: "invalid",
    why: "invalid front matter, a cycle or an unknown dependency",
  },
  { from: ["blocked"], event: "unblocked", to: "queued", why: "its last dependency is done" },
  { from: ["queued"], event: "claimed", to: "active", why: "claimed by a supervisor" },
  { from: ["active"], event: "asked", to: "waiting", why: "the agent asks a question or for a permission" },
  { from: ["waiting"], event: "answered", to: "active", why: "answered with `lanes say` (`/lanes say`)" },
  { from: ["active", "waiting"], event: "finished", to: "review", why: "agent finished, PR opened" },
  {
    from: ["active", "waiting"],
    event: "usage-limit",
    to: "paused",
    why: "usage limit hit (resume scheduled)",
  },
  { from: ["active", "waiting"], event: "paused", to: "paused", why: "`/lanes pause`" },
  { from: ["paused"], event: "resumed", to: "active", why: "the usage limit reset, or `/lanes resume`" },
  { from: RUNNING, event: "requeued", to: "queued", why: "crash or lease lost, attempts left" },
  { from: RUNNING, event: "gave-up", to: "needs-human", why: "attempts exhausted, or the agent is stuck" },
  { from: ["review", "needs-human"], event: "retried", to: "queued", why: "`/lanes retry`" },
  {
    from: ["review", "queued", "needs-human", ...RUNNING],
    event: "merged",
    to: "done",
    why: "its PR merged",
  },
  { from: ANY, event: "withdrawn", to: null, why: "`prp` removed, issue closed, or `/lanes cancel`" },
];

/**
 * The state after `event` in state `from`; `undefined` when the table has no such step (the event is stale
 * or out of order, and changes nothing).
 */
export function nextState(from: From, event: PrpEvent): PrpState | null | undefined {
  const rule = TRANSITIONS.find((r) => r.event === event && r.from.includes(from));
  return rule === undefined ? undefined : rule.to;
}
