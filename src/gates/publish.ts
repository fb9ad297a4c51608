// Publishes a gate as a check run `lanes/<gate>`: created in_progress, completed with the result and a
// Re-run button, annotations sent 50 per request (GitHub's limit). An off gate publishes nothing.
import { errorMessage } from "../errors.js";
import type { Logger } from "../observe/logger.js";
import type { ChecksPort, CheckRunAction } from "./checks-port.js";
import { checkRunName, gateMode, runGate } from "./registry.js";
import type { Conclusion, GateConfig, GateInput, GateName, GateResult } from "./types.js";

export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub rejects a check-run summary longer than this. */
export const MAX_SUMMARY = 65_535;

export const RERUN_ACTION: CheckRunAction = { label: "Re-run", description: "Run this gate again on the same commit", identifier: "rerun" };

export interface PublishTarget {
  owner: string;
  repo: string;
  headSha: string;
}

export interface PublishedGate {
  gate: GateName;
  checkRunId: number;
  conclusion: Conclusion;
  /** Number of PATCH requests made (1 + one per extra annotation batch). */
  updates: number;
}

function fitSummary(summary: string): string {
  if (summary.length <= MAX_SUMMARY) return summary;
  const note = "\n\n…(summary truncated to GitHub's limit)";
  return summary.slice(0, MAX_SUMMARY - note.length) + note;
}

function crashed(error: unknown): GateResult {
  return { conclusion: "failure", title: "The gate could not run", summary: `The gate stopped with an error:\n\n> ${errorMessage(error).replace(/\n/g, "\n> ")}`, annotations: [] };
}

export interface PublishOptions {
  port: ChecksPort;
  target: PublishTarget;
  gate: GateName;
  config: Pick<GateConfig, "modes">;
  /** Collects the gate's input after the check run shows in progress (collection can take a while). */
  input: () => Promise<GateInput>;
  log?: Logger;
  now?: () => Date;
}

export async function publishGate(options: PublishOptions): Promise<PublishedGate | undefined> {
  const { port, target, gate } = options;
  if (gateMode(gate, options.config) === "off") return undefined;
  const now = options.now ?? (() => new Date());
  const base = { owner: target.owner, repo: target.repo };
  const { id } = await port.createCheckRun({ ...base, name: checkRunName(gate), head_sha: target.headSha, status: "in_progress", started_at: now().toISOString() });
  let result: GateResult;
  try {
    const run = await runGate(gate, await options.input());
    result = run?.result ?? { conclusion: "neutral", title: "Gate is off", summary: "This gate is off in lanes.yml.", annotations: [] };
  } catch (error) {
    options.log?.error({ gate, err: error }, "gate failed to run");
    result = crashed(error);
  }
  const output = { title: result.title, summary: fitSummary(result.summary) };
  const batches: GateResult["annotations"][] = [];
  for (let i = 0; i < result.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(result.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const [first = [], ...rest] = batches;
  await port.updateCheckRun({
    ...base,
    check_run_id: id,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: now().toISOString(),
    output: first.length > 0 ? { ...output, annotations: first } : output,
    actions: [RERUN_ACTION],
  });
  for (const batch of rest) await port.updateCheckRun({ ...base, check_run_id: id, output: { ...output, annotations: batch } });
  options.log?.info({ gate, checkRunId: id, conclusion: result.conclusion, annotations: result.annotations.length }, "gate published");
  return { gate, checkRunId: id, conclusion: result.conclusion, updates: 1 + rest.length };
}
