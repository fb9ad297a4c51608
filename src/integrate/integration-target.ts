// Chooses the branch an integration writes, so a second run never silently overwrites the first: the
// day's branch when it is free; the same branch when an open integration PR is to be updated (with the
// lanes it held, to say what changed); otherwise the next free name (<branch>-2, -3, …).
import type { GitRepo } from "../git/git-repo.js";
import { mergedBranches } from "../git/merged-branches.js";
import { resolveCommits } from "../git/refs.js";
import { IntegrationBranchTakenError } from "./errors.js";

export interface IntegrationTarget {
  branch: string;
  /** What the branch held before this run, when it is being updated. */
  previous?: { commit: string; lanes: string[] };
  /** Why the day's branch was not used, when it was not. */
  note?: string;
}

export interface TargetInput {
  /** The day's branch, lanes/integration/<date>. */
  wanted: string;
  base: string;
  /** The remote a result is pushed to: its copy of a branch counts as taken too. */
  remote?: string;
  /** True when an open integration PR has `wanted` as its head: that PR is updated in place. */
  openPr: boolean;
}

const MAX_SUFFIX = 50;

/** Every ref chooseIntegrationTarget reads: the day's branch and its free-name successors, local and remote. */
export function integrationTargetRefs(input: Pick<TargetInput, "wanted" | "remote">): string[] {
  return candidateNames(input.wanted).flatMap((n) => [
    `refs/heads/${n}`,
    ...(input.remote ? [`refs/remotes/${input.remote}/${n}`] : []),
  ]);
}

const candidateNames = (wanted: string): string[] => [
  wanted,
  ...Array.from({ length: MAX_SUFFIX - 1 }, (_, i) => `${wanted}-${i + 2}`),
];

/** `known`: refs the caller already resolved (one read for several questions); the rest are resolved here. */
export async function chooseIntegrationTarget(
  repo: GitRepo,
  input: TargetInput,
  known?: ReadonlyMap<string, string | undefined>,
): Promise<IntegrationTarget> {
  const names = candidateNames(input.wanted);
  const refs = integrationTargetRefs(input);
  const commits = await resolveCommits(repo, refs, known);
  const existing = (name: string) =>
    commits.get(`refs/heads/${name}`) ??
    (input.remote ? commits.get(`refs/remotes/${input.remote}/${name}`) : undefined);
  const current = existing(input.wanted);
  if (current === undefined) return { branch: input.wanted };
  if (input.openPr) {
    const lanes = await mergedBranches(repo, current, input.base);
    return { branch: input.wanted, previous: { commit: current, lanes } };
  }
  const free = names.find((n) => existing(n) === undefined);
  if (free === undefined) throw new IntegrationBranchTakenError(input.wanted);
  return {
    branch: free,
    note: `${input.wanted} already exists (no open PR to update); wrote ${free} instead`,
  };
}

/** Lanes added and dropped since the previous run of the same integration branch. */
export function integrationChanges(
  previous: readonly string[],
  merged: readonly string[],
): { added: string[]; dropped: string[] } {
  return {
    added: merged.filter((b) => !previous.includes(b)),
    dropped: previous.filter((b) => !merged.includes(b)),
  };
}
