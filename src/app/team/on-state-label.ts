// A PRP entered a state (its `lanes:*` label was added, by the App or a supervisor): start the checks that
// state needs, or alert at once when it needs a human. A label that is no longer the PRP's state (the event
// arrived late) changes nothing.
import { parsePrp } from "../../prp/index.js";
import type { PrpState } from "../prp-state.js";
import { currentState } from "../transition.js";
import { alertOf } from "./fire-timer.js";
import { raiseAlert } from "./raise-alert.js";
import { readRepoConfig } from "./repo-config.js";
import { scheduleStandup } from "./post-standup.js";
import { scheduleStateChecks } from "./sla-timers.js";
import type { TeamDeps } from "./team-deps.js";

/** The states whose label the App acts on. */
export const WATCHED_STATES: readonly PrpState[] = ["queued", "waiting", "paused", "needs-human"];

export async function onStateLabel(
  deps: TeamDeps,
  issue: { number: number; body: string | null },
  state: PrpState,
): Promise<string[]> {
  if ((await currentState(deps.store, issue.number)).state !== state) return [];
  if (state === "needs-human") {
    const record = await deps.store.readPrpRecord(issue.number);
    const why = record.note ?? "an agent gave up or a step failed";
    await raiseAlert(deps, alertOf(deps, issue.number, "needs-human", `#${issue.number} needs a human`, why));
    return ["needs-human"];
  }
  const parsed = parsePrp(issue.body ?? "");
  if (!parsed.prp) return [];
  const config = await readRepoConfig(deps);
  // a repository with PRPs gets its daily standup; `keep` leaves a scheduled one where it is
  await scheduleStandup(deps, config, { keep: true });
  return scheduleStateChecks(deps, config, issue.number, state, parsed.prp);
}
