// Writes the PRP's one status comment: edits it in place when its id is known (or found by the hidden marker),
// creates it only when the issue has none. Never a comment per event.
import { isStatus } from "../../github/errors.js";
import type { GitHubPort, RepoRef } from "../../github/index.js";
import type { StateStore } from "../../state/index.js";
import { currentState } from "../transition.js";
import { renderStatus, STATUS_MARKER } from "./render-status.js";

export interface StatusDeps {
  github: Pick<GitHubPort, "createComment" | "updateComment" | "listComments">;
  store: Pick<StateStore, "readPrpRecord" | "patchPrpRecord" | "prpEvents" | "readIssueState">;
  repo: RepoRef;
}

/** The state each dependency shows: Lanes' state, or `closed`/`open` for issues Lanes has no state for. */
async function depStates(store: StatusDeps["store"], deps: readonly number[], waitingOn: readonly number[]) {
  const open = new Set(waitingOn);
  return Promise.all(
    deps.map(async (issue) => ({
      issue,
      state: (await currentState(store, issue)).state ?? (open.has(issue) ? "open" : "closed"),
    })),
  );
}

/**
 * Renders and writes the status comment. `hasComments: false` (the webhook payload says the issue has no
 * comments) skips looking for an existing one.
 */
export async function publishStatus(
  deps: StatusDeps,
  issue: number,
  options: { hasComments?: boolean } = {},
): Promise<void> {
  const { github, store, repo } = deps;
  const record = await store.readPrpRecord(issue);
  const body = renderStatus({
    issue,
    state: (await currentState(store, issue)).state,
    record,
    deps: await depStates(store, record.deps ?? [], record.waitingOn ?? []),
    events: await store.prpEvents(issue),
  });
  if (record.commentId !== undefined) {
    try {
      await github.updateComment(repo, record.commentId, body);
      return;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  let commentId: number | undefined;
  if (options.hasComments !== false) {
    const existing = (await github.listComments(repo, issue)).find((c) => c.body.startsWith(STATUS_MARKER));
    if (existing) {
      commentId = existing.id;
      await github.updateComment(repo, existing.id, body);
    }
  }
  commentId ??= (await github.createComment(repo, issue, body)).id;
  await store.patchPrpRecord(issue, { commentId });
}
