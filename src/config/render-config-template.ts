// Renders the `.github/lanes.yml` that `lanes init` writes: every key at its default (or at a value the
// caller detected), each with its one-line description. Pure; the output passes `loadConfig`.
import { describeConfig, isExampleKey, type ConfigKey } from "./describe-config.js";
import { docOf } from "./render-config-reference.js";
import { LanesConfigSchema } from "./schema.js";

const RECORD_EXAMPLE: Readonly<Record<string, string>> = {
  roles: "developer",
  prices: "sonnet",
  owners: '"infra/**"',
};

/** `overrides` replaces defaults by dotted path, e.g. `{"integration.validation": ["npm test"]}`. */
export function renderConfigTemplate(overrides: Readonly<Record<string, unknown>> = {}): string {
  const lines = [
    "# Lanes settings. Every key is at its default; change what you need, delete the rest if you like.",
    "# Reference: docs/lanes-yml.md in the Lanes repository. Check this file with `lanes config check`.",
  ];
  const keys = describeConfig(LanesConfigSchema);
  for (const key of keys) lines.push(...render(key, overrides, keys));
  return `${lines.join("\n")}\n`;
}

/** A section of leaves that are all unset is written `{}`: a bare `name:` would read as null. */
function hasValue(
  section: ConfigKey,
  keys: readonly ConfigKey[],
  overrides: Readonly<Record<string, unknown>>,
) {
  return keys.some(
    (k) =>
      k.path.startsWith(`${section.path}.`) &&
      !isExampleKey(k.path) &&
      (k.section || k.path in overrides || k.fallback !== undefined),
  );
}

function render(
  key: ConfigKey,
  overrides: Readonly<Record<string, unknown>>,
  keys: readonly ConfigKey[],
): string[] {
  const { doc, example } = docOf(key.path);
  const name = key.path.slice(key.path.lastIndexOf(".") + 1);
  if (isExampleKey(key.path)) {
    // A record's entries are shown as a commented example under their section.
    return [`#${"  ".repeat(key.depth)}${name}: ${example ?? yamlValue(key.fallback)}  # ${doc}`];
  }
  const pad = "  ".repeat(key.depth);
  const comment = `${pad}# ${doc}`;
  if (key.section && key.type === "mapping")
    return [comment, `${pad}${name}: {}`, `#${pad} ${RECORD_EXAMPLE[name] ?? "name"}:`];
  if (key.section) return [comment, `${pad}${name}:${hasValue(key, keys, overrides) ? "" : " {}"}`];
  const value = key.path in overrides ? overrides[key.path] : key.fallback;
  if (value === undefined) return [comment, `${pad}# ${name}: ${example ?? ""}`];
  return [comment, `${pad}${name}: ${yamlValue(value)}`];
}

/** JSON is YAML; lists are spaced the way people write them. */
function yamlValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : JSON.stringify(value);
}
