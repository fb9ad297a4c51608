// The states a PRP moves through, each shown on its issue as exactly one `lanes:<state>` label.
// Pure: names and label spelling only; moving between states is transition.ts's job.
import * as z from "zod";

export const PRP_STATES = [
  "queued",
  "blocked",
  "needs-approval",
  "invalid",
  "active",
  "waiting",
  "review",
  "paused",
  "needs-human",
  "done",
] as const;
export const PrpStateSchema = z.enum(PRP_STATES);
export type PrpState = z.infer<typeof PrpStateSchema>;

export const STATE_LABEL_PREFIX = "lanes:";
export const PRP_LABEL_NAME = "prp";

export function stateLabel(state: PrpState): string {
  return `${STATE_LABEL_PREFIX}${state}`;
}

/** The state a label names, or undefined for any other label (including unknown `lanes:*` ones). */
export function stateOfLabel(label: string): PrpState | undefined {
  if (!label.startsWith(STATE_LABEL_PREFIX)) return undefined;
  const parsed = PrpStateSchema.safeParse(label.slice(STATE_LABEL_PREFIX.length));
  return parsed.success ? parsed.data : undefined;
}

/** Every state label an issue carries, in the order given (normally one; more only after a race or a hand edit). */
export function stateLabelsOf(labels: readonly string[]): PrpState[] {
  return labels.map(stateOfLabel).filter((s): s is PrpState => s !== undefined);
}
