// Every gate in one typed map, each gate's mode from config, and the one code path that runs a gate
// (used by the check-run publisher and `lanes gate` alike).
import { commitsGate } from "./gate-commits.js";
import { integrationGate } from "./gate-integration.js";
import { laneGate } from "./gate-lane.js";
import { placeholdersGate } from "./gate-placeholders.js";
import { prpGate } from "./gate-prp.js";
import { validationGate } from "./gate-validation.js";
import {
  type Gate,
  type GateConfig,
  type GateInput,
  type GateMode,
  type GateName,
  type GateResult,
} from "./types.js";

export const gates: Record<GateName, Gate> = {
  prp: prpGate,
  placeholders: placeholdersGate,
  lane: laneGate,
  commits: commitsGate,
  validation: validationGate,
  integration: integrationGate,
};

export { checkRunName, gateFromCheckRunName, isGateName } from "./check-run-name.js";

export function gateMode(gate: GateName, config: Pick<GateConfig, "modes">): GateMode {
  return config.modes[gate];
}

export interface GateRun {
  gate: GateName;
  mode: GateMode;
  /** The gate's own result, before the mode is applied. */
  raw: GateResult;
  /** What is reported: a failing optional gate reports neutral. */
  result: GateResult;
}

/** Runs one gate under its mode; undefined when the gate is off. */
export async function runGate(gate: GateName, input: GateInput): Promise<GateRun | undefined> {
  const mode = gateMode(gate, input.config);
  if (mode === "off") return undefined;
  const raw = await gates[gate].run(input);
  const result =
    mode === "optional" && raw.conclusion === "failure"
      ? { ...raw, conclusion: "neutral" as const, title: `${raw.title} (optional gate)` }
      : raw;
  return { gate, mode, raw, result };
}
