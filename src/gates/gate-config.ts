// The gate settings of `.github/lanes.yml` (src/config), as the narrow GateConfig the gates read.
// Every default comes from the config schema; nothing here restates one.
import { LanesConfigSchema, type LanesConfig } from "../config/schema.js";
import { GATE_NAMES, type GateConfig } from "./types.js";

export function gateConfigFrom(
  config: Pick<LanesConfig, "gates" | "branches" | "commit_cadence_minutes">,
): GateConfig {
  const { gates } = config;
  return {
    modes: Object.fromEntries(GATE_NAMES.map((gate) => [gate, gates[gate].mode])) as GateConfig["modes"],
    prpCoverage: gates.prp.threshold,
    subjectMaxLength: gates.commits.max_subject_length,
    commitCadenceMinutes: config.commit_cadence_minutes,
    validationTimeoutMinutes: gates.validation.timeout_minutes,
    branchPattern: config.branches.pattern,
    maxForeignFiles: gates.lane.max_foreign_files,
  };
}

/** The gate settings of an empty `.github/lanes.yml`. */
export const defaultGateConfig = (): GateConfig => gateConfigFrom(LanesConfigSchema.parse({}));
