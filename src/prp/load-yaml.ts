// YAML for PRP metadata, through the shared reader (core schema only, bounded, never executed), and
// back out in the same schema so that render → parse is stable.
import { stringify } from "yaml";

/** Whether a parsed YAML value is a key: value mapping (not a list, a scalar or prose). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Renders a mapping as YAML in the core schema readYaml reads; no anchors, no line folding. */
export function dumpYaml(value: Record<string, unknown>): string {
  return stringify(value, { schema: "core", lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true });
}
