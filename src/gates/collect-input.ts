// Gathers a gate's input from a local repository: the lane's own changes and commits, other lanes' files
// and the merge check, all through src/git, and the command runner lanes/validation uses in the checkout.
// Used by `lanes gate` and by the check-run path alike.
import { gitText, mergeTree, showFile } from "../git/index.js";
import type { MergeTreeResult } from "../git/merge-tree.js";
import { laneScope } from "./lane-scope.js";
import { runCommands } from "./run-commands.js";
import type { GateConfig, GateInput, GatePrp, MergeCheck, PrpProblem } from "./types.js";

export interface CollectOptions {
  dir: string;
  base: string;
  /** Defaults to HEAD. */
  head?: string;
  /** The lane's branch name, when the checkout cannot tell it (a detached HEAD on a CI runner). */
  branch?: string;
  prp: GatePrp;
  prpProblem?: PrpProblem | undefined;
  validationWithheld?: string | undefined;
  config: GateConfig;
  prBody?: string | undefined;
  mergedPrpIds?: ReadonlySet<string> | undefined;
}

export async function collectInput(options: CollectOptions): Promise<GateInput> {
  const { dir: cwd, base } = options;
  const headRef = options.head ?? "HEAD";
  const head = await gitText(["rev-parse", "--verify", `${headRef}^{commit}`], { cwd });
  await gitText(["rev-parse", "--verify", `${base}^{commit}`], { cwd });
  const branchName = options.branch ?? (await gitText(["rev-parse", "--abbrev-ref", headRef], { cwd }));
  const branch = branchName === "HEAD" ? headRef : branchName;
  // A stacked lane's own changes and commits exclude the dependency lanes it contains (see lane-scope).
  const [scope, merge] = await Promise.all([
    laneScope(cwd, base, head, branch),
    mergeTree({ dir: cwd }, base, head),
  ]);
  const { changes, otherLanes } = scope;
  const commits = scope.commits.map(({ sha, subject, body, authoredAt }) => ({
    sha,
    subject,
    body,
    authoredAt,
  }));
  return {
    prp: options.prp,
    prpProblem: options.prpProblem,
    validationWithheld: options.validationWithheld,
    config: options.config,
    changes,
    commits,
    readFile: (path) => showFile(cwd, head, path),
    base,
    head,
    branch,
    stackedOn: scope.contained,
    otherLanes,
    prBody: options.prBody,
    mergedPrpIds: options.mergedPrpIds,
    merge: mergeCheck(merge),
    runCommands: (commands, timeoutMs) => runCommands(commands, { cwd, timeoutMs }),
  };
}

function mergeCheck(result: MergeTreeResult): MergeCheck {
  if (result.kind === "clean") return { clean: true, conflicts: [] };
  if (result.kind === "conflict") return { clean: false, conflicts: result.files };
  return { clean: false, conflicts: [], unrelated: true };
}
