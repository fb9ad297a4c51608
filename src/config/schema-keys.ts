// The keys a config schema accepts at a given path: the candidates for "did you mean …?".
import type * as z from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, unknown>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips defaults, optionals and pipes down to the schema that does the work. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
}

/** The child schema at `path` (object keys, record values, array elements), or undefined. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (current === undefined) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === "object") current = def.shape?.[String(segment)];
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "array") current = def.element;
    else return undefined;
  }
  return current === undefined ? undefined : unwrap(current);
}

export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  if (target === undefined) return [];
  const def = defOf(target);
  if (def.type === "object") return Object.keys(def.shape ?? {});
  if (def.type === "record" && def.keyType !== undefined)
    return Object.keys(defOf(unwrap(def.keyType)).entries ?? {});
  return [];
}
