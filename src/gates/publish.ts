// Publishes a gate as a check run `lanes/<gate>` through the GitHub port, completed with the result and a
// Re-run button. A gate that finishes within a few seconds costs ONE write (the check run is created
// completed); a longer one is shown in_progress once that time has passed, then completed (two writes).
// The port sends annotations 50 per request (GitHub's limit), so this module never batches. An off gate
// publishes nothing.
import { errorMessage } from "../errors.js";
import type { CheckAction, GitHubPort } from "../github/github-port.js";
import type { Logger } from "../observe/logger.js";
import { checkRunName, gateMode, runGate } from "./registry.js";
import type { GateConfig, GateInput, GateMode, GateName, GateResult } from "./types.js";

/** The two port calls a publisher makes; the full GitHubPort satisfies it. */
export type CheckRunsPort = Pick<GitHubPort, "createCheckRun" | "updateCheckRun">;

/** GitHub rejects a check-run summary longer than this. */
export const MAX_SUMMARY = 65_535;

export const RERUN_ACTION: CheckAction = {
  label: "Re-run",
  description: "Run this gate again on the same commit",
  identifier: "rerun",
};

export interface PublishTarget {
  owner: string;
  repo: string;
  headSha: string;
}

export interface PublishedGate {
  gate: GateName;
  mode: GateMode;
  checkRunId: number;
  /** What the check run shows (a failing optional gate shows neutral). */
  result: GateResult;
}

function fitSummary(summary: string): string {
  if (summary.length <= MAX_SUMMARY) return summary;
  const note = "\n\n…(summary truncated to GitHub's limit)";
  return summary.slice(0, MAX_SUMMARY - note.length) + note;
}

function crashed(error: unknown): GateResult {
  return {
    conclusion: "failure",
    title: "The gate could not run",
    summary: `The gate stopped with an error:\n\n> ${errorMessage(error).replace(/\n/g, "\n> ")}`,
    annotations: [],
  };
}

export interface PublishOptions {
  port: CheckRunsPort;
  target: PublishTarget;
  gate: GateName;
  config: Pick<GateConfig, "modes">;
  /** Collects the gate's input (collection can take a while: it counts towards the gate's time). */
  input: () => Promise<GateInput>;
  /** How long a gate may run before its check run is shown in_progress (default 5 s). */
  inProgressAfterMs?: number;
  log?: Logger;
}

/** Runs the gate under its mode; a crash becomes a failing result, never a thrown error. */
async function judge(options: PublishOptions): Promise<GateResult> {
  try {
    const run = await runGate(options.gate, await options.input());
    return (
      run?.result ?? {
        conclusion: "neutral",
        title: "Gate is off",
        summary: "This gate is off in lanes.yml.",
        annotations: [],
      }
    );
  } catch (error) {
    options.log?.error({ gate: options.gate, err: error }, "gate failed to run");
    return crashed(error);
  }
}

export async function publishGate(options: PublishOptions): Promise<PublishedGate | undefined> {
  const { port, target, gate } = options;
  const mode = gateMode(gate, options.config);
  if (mode === "off") return undefined;
  const repo = { owner: target.owner, repo: target.repo };
  const name = checkRunName(gate);
  const judging = judge(options);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), options.inProgressAfterMs ?? 5_000);
  });
  const first = await Promise.race([judging, slow]).finally(() => clearTimeout(timer));
  const started =
    first === "slow"
      ? await port.createCheckRun(repo, { name, headSha: target.headSha, status: "in_progress" })
      : undefined;
  const result = await judging;
  const completed = {
    status: "completed" as const,
    conclusion: result.conclusion,
    output: { title: result.title, summary: fitSummary(result.summary), annotations: result.annotations },
    actions: [RERUN_ACTION],
  };
  const { id } = started
    ? await port.updateCheckRun(repo, started.id, completed)
    : await port.createCheckRun(repo, { name, headSha: target.headSha, ...completed });
  options.log?.info(
    { gate, checkRunId: id, conclusion: result.conclusion, annotations: result.annotations.length },
    "gate published",
  );
  return { gate, mode, checkRunId: id, result };
}
