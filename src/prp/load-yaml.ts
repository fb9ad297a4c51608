// YAML for PRP metadata: js-yaml's core schema only (no dates, no custom tags, nothing executable),
// and a bound on what aliases may expand to, so an alias bomb is refused instead of exhausting memory.
import yaml from "js-yaml";

export const MAX_YAML_VALUES = 10_000;
export const MAX_YAML_DEPTH = 64;

export type YamlResult =
  | { ok: true; value: unknown }
  /** `line` is 0-based within the text given to loadYaml. */
  | { ok: false; line: number; message: string };

export function loadYaml(text: string): YamlResult {
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      return {
        ok: false,
        line: Math.max(0, error.mark?.line ?? 0),
        message: `invalid YAML: ${error.reason}`,
      };
    }
    // A stack overflow on absurdly deep nesting lands here: refuse it like any other bad YAML.
    return { ok: false, line: 0, message: "invalid YAML: nested too deeply" };
  }
  const size = measure(value);
  if (size === "too-big") {
    return {
      ok: false,
      line: 0,
      message: `YAML expands to more than ${MAX_YAML_VALUES} values or ${MAX_YAML_DEPTH} levels (alias bomb?)`,
    };
  }
  return { ok: true, value };
}

/** Counts values as a reader would see them, with aliases expanded; stops as soon as the bound is passed. */
function measure(root: unknown): "ok" | "too-big" {
  let budget = MAX_YAML_VALUES;
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    budget -= 1;
    if (budget < 0 || depth > MAX_YAML_DEPTH) return "too-big";
    if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return "ok";
}

/** Whether a parsed YAML value is a key: value mapping (not a list, a scalar or prose). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Renders a mapping as YAML in the same schema loadYaml reads, so that render → parse is stable. */
export function dumpYaml(value: Record<string, unknown>): string {
  return yaml.dump(value, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, sortKeys: false });
}
