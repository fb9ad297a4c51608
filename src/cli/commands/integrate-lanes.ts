// Which lanes `lanes integrate` takes: the branches named, or with --ready those whose required gates
// succeeded, from a local stack's gate records or GitHub's check runs. A held PRP is never taken.
import { UsageError } from "../../errors.js";
import type { GitHubPort, RepoRef } from "../../github/github-port.js";
import type { GitRepo } from "../../git/git-repo.js";
import type { IntegrationSettings } from "../../integrate/integration-settings.js";
import type { ReadySet } from "../../integrate/ready-from-github.js";
import type { CliDeps } from "../cli-deps.js";
import { baseOnGitHub, type IntegrateOptions } from "./integrate-options.js";

/** The branches --branches names, each once. */
export function namedBranches(opts: IntegrateOptions): string[] {
  return [
    ...new Set(
      (opts.branches ?? "")
        .split(",")
        .map((b) => b.trim())
        .filter((b) => b.length > 0),
    ),
  ];
}

/** The lanes to integrate: the named branches, or those whose required gates succeeded. */
export async function selectLanes(
  ctx: CliDeps,
  opts: IntegrateOptions,
  repo: GitRepo,
  settings: IntegrationSettings,
  port: GitHubPort | undefined,
  github: RepoRef | undefined,
): Promise<ReadySet> {
  if (!opts.ready) {
    const branches = namedBranches(opts);
    if (branches.length === 0)
      throw new UsageError(
        "--branches needs at least one branch name, e.g. --branches lanes/developer/12-api",
      );
    return { ready: branches.map((branch) => ({ branch, commit: "" })), waiting: [] };
  }
  if (opts.stack) {
    const [{ listLanes }, { stackNameFor, stackPaths }, { readyFromStack }, { heldReason, readHolds }] =
      await Promise.all([
        import("../../runner/lane-record.js"),
        import("../../runner/stack-paths.js"),
        import("../../integrate/ready-from-stack.js"),
        import("../../runner/stack-holds.js"),
      ]);
    const paths = stackPaths(ctx.env, stackNameFor(repo.dir, opts.stack));
    const [records, holds] = await Promise.all([listLanes(paths.lanes), readHolds(paths.holds)]);
    // a held PRP (`lanes hold`) is never integrated, whatever its gates say
    const holdOf = (lane: (typeof records)[number]) => holds.find((h) => h.prp === String(lane.issue));
    const held = records.flatMap((l) => {
      const hold = holdOf(l);
      return hold ? [{ branch: l.branch, commit: "", reason: heldReason(hold) }] : [];
    });
    const done = records.filter((l) => l.state === "done" && !holdOf(l));
    const set = await readyFromStack(
      repo,
      done.map((l) => l.branch),
      settings.requiredGates,
    );
    const unfinished = records
      .filter((l) => l.state !== "done" && !holdOf(l))
      .map((l) => ({ branch: l.branch, commit: "", reason: `the lane is ${l.state}, not done` }));
    return { ready: set.ready, waiting: [...held, ...set.waiting, ...unfinished] };
  }
  const { readyFromGitHub } = await import("../../integrate/ready-from-github.js");
  return readyFromGitHub(port as GitHubPort, github as RepoRef, {
    base: baseOnGitHub(opts.base, opts.remote),
    required: settings.requiredGates,
  });
}
