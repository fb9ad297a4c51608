// The lanes of a local stack ready for integration: each lane's branch tip must carry a local gate record
// (`lanes gate --all --branch <lane>`) in which every required gate succeeded. Reads only.
import type { GitRepo } from "../git/git-repo.js";
import { resolveCommits } from "../git/refs.js";
import { readGateRecords } from "../gates/local-gate-record.js";
import { laneReadiness } from "./lane-readiness.js";
import type { ReadySet } from "./ready-from-github.js";

export async function readyFromStack(
  repo: GitRepo,
  branches: readonly string[],
  required: readonly string[],
): Promise<ReadySet> {
  const commits = await resolveCommits(repo, branches);
  const records = await readGateRecords(repo, [...new Set([...commits.values()].flatMap((c) => c ?? []))]);
  const set: ReadySet = { ready: [], waiting: [] };
  for (const branch of branches) {
    const commit = commits.get(branch);
    if (commit === undefined) {
      set.waiting.push({ branch, commit: "", reason: `branch "${branch}" does not exist here` });
      continue;
    }
    const record = records.get(commit);
    const outcomes = (record?.gates ?? []).map((g) => ({ ...g, status: "completed" }));
    const verdict = record
      ? laneReadiness(outcomes, required, commit)
      : {
          ready: false as const,
          reason: `no gate results for ${commit.slice(0, 12)}; run \`lanes gate --all --branch ${branch}\``,
        };
    if (verdict.ready) set.ready.push({ branch, commit });
    else set.waiting.push({ branch, commit, reason: verdict.reason });
  }
  return set;
}
