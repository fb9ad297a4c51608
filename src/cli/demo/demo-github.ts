// What the demo shows of its local GitHub: state labels and status comments read straight from the sandbox's
// memory (no API request, so the App's request count is the App's alone), and waiting until webhooks settle.
import { STATUS_MARKER } from "../../app/status/render-status.js";
import type { Sandbox } from "../../sandbox/index.js";

/** Waits until every webhook (and every webhook the App's writes caused in turn) has been delivered. */
export async function settle(sandbox: Sandbox): Promise<void> {
  for (;;) {
    const sent = sandbox.deliveries().length;
    await sandbox.idle();
    if (sandbox.deliveries().length === sent) return;
  }
}

export interface IssueView {
  number: number;
  /** The `lanes:*` state labels it carries, without the prefix (normally one). */
  states: string[];
  open: boolean;
  statusComments: number;
}

export function viewIssue(sandbox: Sandbox, fullName: string, number: number): IssueView {
  const repo = sandbox.state.repos.get(fullName);
  const issue = repo?.issues.get(number);
  const comments = [...(repo?.comments.values() ?? [])].filter(
    (c) => c.issueNumber === number && c.body.startsWith(STATUS_MARKER),
  );
  return {
    number,
    states: (issue?.labels ?? []).filter((l) => l.startsWith("lanes:")).map((l) => l.slice("lanes:".length)),
    open: issue?.state === "open",
    statusComments: comments.length,
  };
}

export function labelCount(sandbox: Sandbox, fullName: string): number {
  return sandbox.state.repos.get(fullName)?.labels.size ?? 0;
}

/** "#1 queued, #2 blocked …" for the timeline. */
export function describeStates(sandbox: Sandbox, fullName: string, issues: readonly number[]): string {
  return issues
    .map(
      (n) =>
        `#${n} ${
          viewIssue(sandbox, fullName, n)
            .states.map((s) => `lanes:${s}`)
            .join("+") || "(no state)"
        }`,
    )
    .join(", ");
}
