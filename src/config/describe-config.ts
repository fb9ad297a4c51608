// Walks the lanes.yml schema into a flat list of keys (path, type, default), the one source for the
// reference in docs/ and the file `lanes init` writes. Reads zod's definitions; never parses a file.
import type * as z from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  defaultValue?: unknown;
}

export interface ConfigKey {
  /** Dotted path; a record's keys appear as a placeholder: `<role>` under roles, `<model>` under prices. */
  path: string;
  depth: number;
  /** A section (mapping of keys) rather than a value. */
  section: boolean;
  type: string;
  /** The default, or undefined when the key is optional with none. */
  fallback: unknown;
  optional: boolean;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips defaults, optionals and pipes; remembers the default and whether the key may be absent. */
function unwrap(schema: z.ZodType): { core: z.ZodType; fallback: unknown; optional: boolean } {
  let current = schema;
  let fallback: unknown;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === "default" && fallback === undefined) fallback = def.defaultValue;
    if (def.type === "optional") optional = true;
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return { core: current, fallback, optional };
    current = inner;
  }
}

function typeName(schema: z.ZodType): string {
  const def = defOf(schema);
  switch (def.type) {
    case "enum": {
      // The fifteen role names would drown the reference; the roles are listed in the README.
      const names = Object.keys(def.entries ?? {});
      return names.length > 6 ? "role name" : names.join(" | ");
    }
    case "literal":
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(" | ");
    case "array":
      return def.element ? `list of ${typeName(unwrap(def.element).core)}` : "list";
    case "record":
      return "mapping";
    case "object":
      return "section";
    default:
      return def.type;
  }
}

/** What a record's keys are, shown in the reference in place of any one key. */
export const RECORD_KEY: Readonly<Record<string, string>> = {
  roles: "<role>",
  prices: "<model>",
  owners: "<path>",
};

/** Keys shown only as commented examples: a record's entries (`.<role>.`) and a list's items (`[].`). */
export const isExampleKey = (path: string): boolean => /\.<[a-z]+>\.|\[\]\./.test(path);

export function describeConfig(schema: z.ZodType, prefix = "", depth = 0): ConfigKey[] {
  const def = defOf(unwrap(schema).core);
  const keys: ConfigKey[] = [];
  for (const [name, child] of Object.entries(def.shape ?? {})) {
    const path = prefix === "" ? name : `${prefix}.${name}`;
    const { core, fallback, optional } = unwrap(child);
    const childDef = defOf(core);
    const section = childDef.type === "object" || childDef.type === "record";
    keys.push({ path, depth, section, type: typeName(core), fallback, optional });
    if (childDef.type === "object") keys.push(...describeConfig(core, path, depth + 1));
    if (childDef.type === "record" && childDef.valueType)
      keys.push(...describeConfig(childDef.valueType, `${path}.${RECORD_KEY[name] ?? "<key>"}`, depth + 2));
    // A list of sections (alerts.webhooks) documents its items' keys as `path[].key`.
    if (
      childDef.type === "array" &&
      childDef.element &&
      defOf(unwrap(childDef.element).core).type === "object"
    )
      keys.push(...describeConfig(childDef.element, `${path}[]`, depth + 2));
  }
  return keys;
}
