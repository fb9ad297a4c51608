// Finishes a lane whose agent said it is done: last uncommitted work committed, branch pushed,
// pull request "Closes #n" opened or updated through the GitHub port when one is configured.
import {
  commitLaneWork,
  commitsAhead,
  hasUncommittedWork,
  listRemotes,
  pushLaneBranch,
} from "./lane-commit.js";
import type { LaneRecord } from "./lane-record.js";

export interface PullRequestPort {
  /** Opens the lane's PR, or updates it when one exists for the branch; returns its URL. */
  openOrUpdatePullRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
    /** The one dependency lane branch this lane was built on: its PR targets that branch while it is open. */
    stackedOn?: string | undefined;
  }): Promise<{ url: string }>;
}

export interface FinishOptions {
  repo: string;
  base: string;
  /** Remote to push lane branches to; the first remote when absent. */
  remote?: string | undefined;
  pulls?: PullRequestPort | undefined;
  env?: NodeJS.ProcessEnv;
  /** The stack's GitHub token for an https remote (an App's is refreshed); the agent never sees it. */
  pushToken?: (() => Promise<string>) | undefined;
}

export interface FinishReport {
  commits: number;
  wipCommit: string | null;
  pushed: string | null;
  pr: string | null;
  /** What was skipped, and why, in words for the status window and the log. */
  notes: string[];
}

export async function finishLane(
  lane: LaneRecord,
  summary: string,
  options: FinishOptions,
): Promise<FinishReport> {
  const notes: string[] = [];
  const wipCommit = (await hasUncommittedWork(lane.worktree))
    ? await commitLaneWork(
        lane.worktree,
        `WIP: work left uncommitted when #${lane.issue} was done`,
        options.env,
      )
    : null;
  const commits = await commitsAhead(lane.worktree, options.base);
  const remotes = await listRemotes(options.repo);
  const remote = options.remote ?? remotes[0];
  let pushed: string | null = null;
  if (remote === undefined || !remotes.includes(remote)) {
    notes.push(
      `no git remote${options.remote ? ` named ${options.remote}` : ""}: branch ${lane.branch} kept locally, not pushed`,
    );
  } else {
    await pushLaneBranch(options.repo, remote, lane.branch, options.env, options.pushToken);
    pushed = remote;
  }
  let pr: string | null = null;
  if (!options.pulls) notes.push("PR step skipped: GitHub is not configured for this stack");
  else if (typeof lane.issue !== "number")
    notes.push(`PR step skipped: ${lane.issue} is a local backlog item, not an issue`);
  else if (pushed === null) notes.push("PR step skipped: the branch was not pushed");
  else {
    const body = `Closes #${lane.issue}\n\n${summary.trim()}\n\nLane \`${lane.branch}\` (${lane.role}), ${commits} commit(s).`;
    pr = (
      await options.pulls.openOrUpdatePullRequest({
        head: lane.branch,
        base: options.base,
        title: lane.title,
        body,
        stackedOn: lane.stackedOn?.length === 1 ? lane.stackedOn[0] : undefined,
      })
    ).url;
  }
  return { commits, wipCommit, pushed, pr, notes };
}
