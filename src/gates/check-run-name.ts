// Gate names and their check runs (`lanes/<gate>`), apart from the registry so that a reader of check-run
// names (integration's --ready) does not load every gate.
import { GATE_NAMES, type GateName } from "./types.js";

export function isGateName(name: string): name is GateName {
  return (GATE_NAMES as readonly string[]).includes(name);
}

export const checkRunName = (gate: GateName): string => `lanes/${gate}`;

export function gateFromCheckRunName(name: string): GateName | undefined {
  const gate = name.startsWith("lanes/") ? name.slice("lanes/".length) : "";
  return isGateName(gate) ? gate : undefined;
}
