// A merged lane PR completes the PRPs it closes: `lanes:done`, the issue closed (GitHub may have closed it
// already; closing again is harmless), and the dependents re-checked. PRPs Lanes does not track are left alone.
import { cancelPrpJob } from "../intake/enqueue-prp.js";
import type { RepoDeps } from "../repo-deps.js";
import { currentState } from "../transition.js";
import { recheckDependents } from "./recheck-dependents.js";
import { updatePrp } from "./update-prp.js";

export interface CompletedPrp {
  issue: number;
  unblocked: number[];
}

export async function completePrp(
  deps: RepoDeps,
  issue: number,
  pull: { url: string; number: number },
  actor: string,
): Promise<CompletedPrp | undefined> {
  const known = await currentState(deps.store, issue);
  // Redis lost the PRP: its label on GitHub says where it was
  const labels = known.state === null ? (await deps.github.getIssue(deps.repo, issue)).labels : undefined;
  const result = await updatePrp(deps, {
    issue,
    event: "merged",
    actor,
    ...(labels ? { labels } : {}),
    note: `PR #${pull.number} merged`,
    facts: { pr: pull.url },
  });
  if (!result.applied) return undefined;
  // merged before a supervisor claimed it (a PR opened by hand): its queued job must not build it again
  await cancelPrpJob(deps.store, issue, { waitingOnly: true });
  await deps.github.updateIssue(deps.repo, issue, { state: "closed" });
  return { issue, unblocked: await recheckDependents(deps, issue, actor) };
}
