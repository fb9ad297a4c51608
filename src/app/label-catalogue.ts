// Every label Lanes owns, with colour and description: `prp`, one per PRP state, one per priority.
// `lanes labels sync` and the App's installation handlers create or update exactly these.
import type { LabelSpec } from "../github/index.js";
import { HOLD_LABEL_NAME } from "../domain/hold-label.js";
import { PRIORITIES, type Priority } from "../domain/priority.js";
import { PRP_LABEL_NAME, PRP_STATES, stateLabel, type PrpState } from "./prp-state.js";

export const PRP_LABEL: LabelSpec = {
  name: PRP_LABEL_NAME,
  color: "1d76db",
  description: "A spec for a Lanes agent (Product Requirement Prompt)",
};

const STATE_LOOK: Record<PrpState, { color: string; description: string }> = {
  queued: { color: "c5def5", description: "Lanes: waiting for an agent of its role" },
  blocked: { color: "fbca04", description: "Lanes: waits for a dependency to be done" },
  "needs-approval": { color: "f9d0c4", description: "Lanes: a maintainer must /lanes approve it" },
  invalid: { color: "e11d21", description: "Lanes: the PRP has errors (see the status comment)" },
  active: { color: "0e8a16", description: "Lanes: an agent is working on it" },
  waiting: { color: "d4c5f9", description: "Lanes: the agent asks a question (/lanes say)" },
  review: { color: "5319e7", description: "Lanes: PR opened, gates and review" },
  paused: { color: "bfdadc", description: "Lanes: paused until a usage limit resets" },
  "needs-human": { color: "b60205", description: "Lanes: stuck, a person must look" },
  done: { color: "cccccc", description: "Lanes: its PR merged" },
};

const PRIORITY_COLOR: Record<Priority, string> = {
  critical: "b60205",
  high: "d93f0b",
  medium: "fbca04",
  low: "0e8a16",
};

export function priorityLabel(priority: Priority): string {
  return `priority:${priority}`;
}

export const STATE_LABELS: readonly LabelSpec[] = PRP_STATES.map((state) => ({
  name: stateLabel(state),
  ...STATE_LOOK[state],
}));

export const PRIORITY_LABELS: readonly LabelSpec[] = PRIORITIES.map((priority) => ({
  name: priorityLabel(priority),
  color: PRIORITY_COLOR[priority],
  description: `Lanes: ${priority} priority`,
}));

/** A lane PR or PRP carrying it is never integrated (`/lanes hold`, `/lanes unhold`). */
export const HOLD_LABEL: LabelSpec = {
  name: HOLD_LABEL_NAME,
  color: "e99695",
  description: "Lanes: never integrated until /lanes unhold",
};

export const LABEL_CATALOGUE: readonly LabelSpec[] = [
  PRP_LABEL,
  ...STATE_LABELS,
  ...PRIORITY_LABELS,
  HOLD_LABEL,
];
