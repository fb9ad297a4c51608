// A PRP's flags (record `flags`: kind → sentence, shown as "⚠️ Attention" in its status comment): the
// condition each kind stands for, and clearing them. A flag is cleared when its condition is gone (the PRP
// moved on; checked at every state change) or by a maintainer (`/lanes unflag`). Every clear is in the audit
// stream (`flag-cleared`) and the PRP's events. Clearing never publishes: the caller's status update does.
import type { RepoDeps } from "../repo-deps.js";
import type { From } from "../transitions.js";

/** The flags Lanes raises (fire-timer.ts); a flag of another kind is cleared only by hand. */
export const FLAG_KINDS = ["sla-claim", "sla-pr", "at-risk", "overdue"] as const;

/** States in which a PRP has no pull request yet. */
export const NO_PR_YET: readonly From[] = [
  "queued",
  "blocked",
  "needs-approval",
  "active",
  "waiting",
  "paused",
  "needs-human",
];

/** Whether the condition a flag of `kind` stands for still holds in `state`. Pure. */
export function flagHolds(kind: string, state: From): boolean {
  switch (kind) {
    case "sla-claim":
      return state === "queued";
    case "sla-pr":
    case "at-risk":
      return NO_PR_YET.includes(state);
    case "overdue":
      return state !== "done" && state !== null;
    default:
      return true;
  }
}

/** Removes the PRP's flags that `clear` picks; returns the kinds removed. */
export async function clearFlags(
  deps: Pick<RepoDeps, "store">,
  issue: number,
  clear: (kind: string) => boolean,
  who: { actor: string; reason: string },
): Promise<string[]> {
  const flags = (await deps.store.readPrpRecord(issue)).flags ?? {};
  const cleared = Object.keys(flags).filter(clear);
  if (cleared.length === 0) return [];
  const kept = Object.fromEntries(Object.entries(flags).filter(([kind]) => !cleared.includes(kind)));
  await deps.store.patchPrpRecord(issue, { flags: kept });
  for (const kind of cleared)
    await deps.store.appendAudit({
      type: "flag-cleared",
      actor: who.actor,
      job: `#${issue}`,
      data: JSON.stringify({ kind, flag: flags[kind], reason: who.reason }),
    });
  await deps.store.addPrpEvent(issue, `flag cleared: ${cleared.join(", ")} (${who.reason}, ${who.actor})`);
  return cleared;
}

/** At a state change: clears the flags whose condition `state` ends. */
export function clearResolvedFlags(
  deps: Pick<RepoDeps, "store">,
  issue: number,
  state: From,
  actor: string,
): Promise<string[]> {
  return clearFlags(deps, issue, (kind) => !flagHolds(kind, state), {
    actor,
    reason: `no longer holds: now ${state ?? "withdrawn"}`,
  });
}
