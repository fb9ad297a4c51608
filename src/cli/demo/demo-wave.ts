// One wave of the demo's PM work, as the workflows and a maintainer would do it: gate every new lane PR
// (`lanes gate --all --pr N --publish` as the App), integrate the lanes that passed (`lanes integrate
// --open-pr`), and merge the integration PR — which merges every lane PR it contains, closing their PRPs.
import { runGit } from "../../git/index.js";
import type { GitHubPort, PullRequest, RepoRef } from "../../github/index.js";
import type { LaneRecord } from "../../runner/lane-record.js";
import { childJson, runLanesChild } from "./child-cli.js";
import { gatePullRequest } from "./demo-gates.js";
import type { DemoIntegration, DemoLane } from "./demo-report.js";

export interface WaveSetup {
  github: GitHubPort;
  repo: RepoRef;
  fullName: string;
  /** A clone the gates and the integration run in (like a CI checkout). */
  checkout: string;
  backlog: string;
  /** Env for gates: the App's installation token. */
  appEnv: NodeJS.ProcessEnv;
  /** Env for integration: a maintainer's token. */
  userEnv: NodeJS.ProcessEnv;
  gitEnv: NodeJS.ProcessEnv;
  say: (line: string) => void;
}

interface IntegrateJson {
  branch: string | null;
  commit: string;
  merged: string[];
  conflicts: { branch: string; files: string[] }[];
  culprits: { branch: string; reason: string }[];
  skipped: { branch: string; reason: string }[];
  validation: { command: string; exitCode: number | null }[];
  pr: { url: string } | null;
}

/** Gates each lane's PR; the row says whether it may be integrated. */
export async function gateWave(
  setup: WaveSetup,
  prps: { issue: number; title: string; role: string }[],
  lanes: LaneRecord[],
): Promise<DemoLane[]> {
  const { checkout, gitEnv } = setup;
  await runGit(["fetch", "-q", "origin", "+refs/heads/main:refs/remotes/origin/main"], {
    cwd: checkout,
    env: gitEnv,
  });
  const pulls: PullRequest[] = await setup.github.listPulls(setup.repo, { state: "open" });
  const rows: DemoLane[] = [];
  for (const prp of prps) {
    const lane = lanes.find((l) => Number(l.issue) === prp.issue);
    const pull = lane ? pulls.find((p) => p.head.ref === lane.branch) : undefined;
    const gated = pull
      ? await gatePullRequest(checkout, pull, {
          fullName: setup.fullName,
          base: "origin/main",
          env: setup.appEnv,
        })
      : undefined;
    if (pull && gated)
      setup.say(
        `gates: PR #${pull.number} (#${prp.issue}) ${gated.gates.map((g) => `${g.gate.replace("lanes/", "")} ${g.conclusion}`).join(", ")}`,
      );
    const blocking = gated?.gates.filter((g) => g.mode === "required" && g.conclusion === "failure") ?? [];
    rows.push({
      ...prp,
      branch: lane?.branch ?? null,
      state: lane?.state ?? "not started",
      label: null,
      statusComments: 0,
      pr: pull ? { number: pull.number, url: pull.htmlUrl } : null,
      gates: gated?.gates ?? [],
      gatesPassed: gated !== undefined && blocking.length === 0,
      integration: gated === undefined ? "not built" : blocking.length > 0 ? "excluded" : "skipped",
      note:
        blocking.length > 0
          ? `held back: ${blocking.map((g) => `${g.gate} — ${g.title}`).join("; ")}`
          : lane?.state === "done"
            ? null
            : (lane?.note ?? null),
    });
  }
  return rows;
}

/**
 * Integrates the rows that passed their gates and merges the integration PR; updates the rows. The lanes
 * earlier waves merged are named too, so their dependents can be ordered (integrate skips them as merged).
 */
export async function integrateWave(
  setup: WaveSetup,
  rows: DemoLane[],
  mergedBefore: readonly string[],
): Promise<DemoIntegration | null> {
  const candidates = rows.filter((r) => r.gatesPassed && r.branch);
  if (candidates.length === 0) return null;
  const { checkout, gitEnv } = setup;
  await runGit(["fetch", "-q", "origin", "+refs/heads/lanes/*:refs/heads/lanes/*"], {
    cwd: checkout,
    env: gitEnv,
  });
  const run = await runLanesChild(
    [
      "integrate",
      "--repo",
      checkout,
      "--base",
      "origin/main",
      "--branches",
      [...mergedBefore, ...candidates.map((r) => r.branch as string)].join(","),
      "--backlog",
      setup.backlog,
      "--open-pr",
      "--github-repo",
      setup.fullName,
      "--json",
    ],
    { env: setup.userEnv, cwd: checkout },
  );
  const result = childJson<IntegrateJson>("lanes integrate", run);
  for (const row of candidates) {
    if (result.merged.includes(row.branch as string)) row.integration = "merged";
    else if (result.conflicts.some((c) => c.branch === row.branch)) row.integration = "conflict";
    else if (result.culprits.some((c) => c.branch === row.branch)) row.integration = "culprit";
    const why = [...result.skipped, ...result.culprits].find((s) => s.branch === row.branch);
    if (why) row.note = why.reason;
  }
  const validated = result.validation.every((v) => v.exitCode === 0);
  const number = Number(/\/pull\/(\d+)$/.exec(result.pr?.url ?? "")?.[1] ?? Number.NaN);
  // a maintainer merges the integration PR once its validation passed
  const merged = validated && result.merged.length > 0 && Number.isInteger(number);
  if (merged) await setup.github.mergePull(setup.repo, number);
  setup.say(
    `integration: merged ${result.merged.length} lane(s) into ${result.branch ?? "(nothing written)"}; validation ${validated ? "passed" : "FAILED"}${result.pr ? `; PR ${result.pr.url}${merged ? " merged" : ""}` : ""}`,
  );
  return {
    branch: result.branch,
    commit: result.branch ? result.commit : null,
    pr: result.pr?.url ?? null,
    merged,
    lanes: result.merged,
    validation: result.validation.map((v) => ({ command: v.command, ok: v.exitCode === 0 })),
    conflicts: result.conflicts.map((c) => c.branch),
  };
}
