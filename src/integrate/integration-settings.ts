// What the repository says about integrating, read from `.github/lanes.yml` at the base commit (the
// config the lanes were built against, not whatever is checked out): role order, validation commands and
// the gates a lane must pass to be taken by --ready.
import { loadConfig, DEFAULT_CONFIG_FILE } from "../config/load-config.js";
import type { LanesConfig } from "../config/schema.js";
import { gateConfigFrom } from "../gates/gate-config.js";
import { checkRunName } from "../gates/check-run-name.js";
import { GATE_NAMES } from "../gates/types.js";

export interface IntegrationSettings {
  roleOrder: string[];
  validation: string[];
  /** The check runs (`lanes/<gate>`) that must succeed on a lane before --ready takes it. */
  requiredGates: string[];
  /** Whether the base has a config file (false: the defaults apply). */
  found: boolean;
}

/** `<base>:.github/lanes.yml`, the revision and path the settings are read from. */
export const configAt = (base: string): string => `${base}:${DEFAULT_CONFIG_FILE}`;

/** The settings in the config file's text at the base (undefined: there is none, the defaults apply). */
export function integrationSettingsFrom(text: string | undefined, base: string): IntegrationSettings {
  const config = loadConfig(text ?? "", { file: `${DEFAULT_CONFIG_FILE} at ${base}` });
  return {
    roleOrder: [...config.integration.order],
    validation: [...config.integration.validation],
    requiredGates: requiredGateChecks(config),
    found: text !== undefined,
  };
}

/** The check runs (`lanes/<gate>`) of the gates the config makes required. */
export function requiredGateChecks(config: LanesConfig): string[] {
  const gates = gateConfigFrom(config);
  return GATE_NAMES.filter((g) => gates.modes[g] === "required").map(checkRunName);
}
