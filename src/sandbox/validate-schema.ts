// A small validator for the JSON-schema keywords GitHub's OpenAPI description uses in request bodies.
// Messages follow GitHub's wording ("\"title\" wasn't supplied.", "\"foo\" is not a permitted key.").

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export interface SchemaProblem {
  /** Dotted path of the offending field, e.g. "output.annotations". */
  field: string;
  code: "missing_field" | "unknown_field" | "invalid";
  message: string;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

export function validateSchema(schema: Schema, value: unknown, path = ""): SchemaProblem[] {
  if (value === null && schema.nullable) return [];
  const invalid = (message: string): SchemaProblem[] => [{ field: path, code: "invalid", message }];
  const label = path || "the body";

  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = schema[keyword];
    if (!branches) continue;
    const results = branches.map((b) => validateSchema(b, value, path));
    if (results.some((r) => r.length === 0)) continue;
    return results.length === 1
      ? (results[0] ?? [])
      : invalid(`For '${label}', ${show(value)} does not match any of the allowed shapes.`);
  }
  for (const part of schema.allOf ?? []) {
    const problems = validateSchema(part, value, path);
    if (problems.length > 0) return problems;
  }

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t)))
      return invalid(`For '${label}', ${show(value)} is not ${types.map((t) => `a ${t}`).join(" or ")}.`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return invalid(`For '${label}', ${show(value)} is not a member of ${show(schema.enum)}.`);
  }
  if (typeof value === "string") {
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      return invalid(`For '${label}', the value is longer than ${schema.maxLength} characters.`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      return invalid(`For '${label}', the value is shorter than ${schema.minLength} characters.`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      return invalid(`For '${label}', ${value} is less than the minimum of ${schema.minimum}.`);
    if (schema.maximum !== undefined && value > schema.maximum)
      return invalid(`For '${label}', ${value} is greater than the maximum of ${schema.maximum}.`);
  }
  if (Array.isArray(value)) return validateArray(schema, value, path, label);
  if (typeOf(value) === "object") return validateObject(schema, value as Record<string, unknown>, path);
  return [];
}

function validateArray(schema: Schema, value: unknown[], path: string, label: string): SchemaProblem[] {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    return [
      {
        field: path,
        code: "invalid",
        message: `For '${label}', ${value.length} items is more than the maximum of ${schema.maxItems}.`,
      },
    ];
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    return [
      {
        field: path,
        code: "invalid",
        message: `For '${label}', ${value.length} items is fewer than the minimum of ${schema.minItems}.`,
      },
    ];
  }
  const items = schema.items;
  return items ? value.flatMap((item, i) => validateSchema(items, item, join(path, i))) : [];
}

function validateObject(schema: Schema, value: Record<string, unknown>, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const key of schema.required ?? []) {
    if (value[key] === undefined)
      problems.push({ field: join(path, key), code: "missing_field", message: `"${key}" wasn't supplied.` });
  }
  const properties = schema.properties;
  for (const [key, child] of Object.entries(value)) {
    const known = properties?.[key];
    if (known) problems.push(...validateSchema(known, child, join(path, key)));
    else if (typeof schema.additionalProperties === "object")
      problems.push(...validateSchema(schema.additionalProperties, child, join(path, key)));
    else if (properties && schema.additionalProperties !== true) {
      problems.push({
        field: join(path, key),
        code: "unknown_field",
        message: `"${key}" is not a permitted key.`,
      });
    }
  }
  return problems;
}
