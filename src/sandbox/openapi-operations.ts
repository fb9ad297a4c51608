// The GitHub REST operations the sandbox serves, as described by GitHub's OpenAPI description
// (the committed subset, see scripts/openapi-subset.ts). Matches a request to its operation and
// validates its path, query and body; it never accepts a field GitHub would not.
import * as z from "zod";
import subsetJson from "./openapi-subset.json" with { type: "json" };
import { validateSchema, type Schema, type SchemaProblem } from "./validate-schema.js";

const SchemaShape = z.custom<Schema>((v) => typeof v === "object" && v !== null);

const OperationSchema = z.object({
  operationId: z.string(),
  method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
  path: z.string(),
  parameters: z.array(
    z.object({
      name: z.string(),
      in: z.string(),
      required: z.boolean(),
      schema: SchemaShape,
      multiSegment: z.boolean().optional(),
    }),
  ),
  requestBody: z.object({ required: z.boolean(), schema: SchemaShape }).nullable(),
});

export type Operation = z.infer<typeof OperationSchema>;

export const OPERATIONS: readonly Operation[] = z
  .object({ operations: z.array(OperationSchema) })
  .parse(subsetJson).operations;

export interface MatchedOperation {
  operation: Operation;
  params: Record<string, string>;
}

function matchPath(operation: Operation, segments: readonly string[]): Record<string, string> | null {
  const template = operation.path.split("/").slice(1);
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const part = template[i] ?? "";
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    const last = i === template.length - 1;
    if (name === undefined) {
      if (segments[i] !== part) return null;
      continue;
    }
    const multi = last && operation.parameters.some((p) => p.name === name && p.multiSegment);
    const taken = multi ? segments.slice(i) : segments.slice(i, i + 1);
    if (taken.length === 0 || taken.some((s) => s === "")) return null;
    params[name] = taken.map(decodeURIComponent).join("/");
    if (multi) return params;
  }
  return segments.length === template.length ? params : null;
}

/** Finds the operation for a request; `null` when GitHub would answer 404 Not Found. */
export function matchOperation(method: string, pathname: string): MatchedOperation | null {
  const segments = pathname.replace(/\/+$/, "").split("/").slice(1);
  for (const operation of OPERATIONS) {
    if (operation.method !== method) continue;
    const params = matchPath(operation, segments);
    if (params) return { operation, params };
  }
  return null;
}

function coerce(schema: Schema, raw: string): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw))
    return Number(raw);
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** Checks path and query parameters and the JSON body; returns every problem, each naming its field. */
export function validateRequest(
  match: MatchedOperation,
  query: URLSearchParams,
  body: unknown,
): SchemaProblem[] {
  const { operation, params } = match;
  const problems: SchemaProblem[] = [];
  for (const p of operation.parameters.filter((x) => x.in === "path")) {
    const value = params[p.name];
    if (value !== undefined) problems.push(...validateSchema(p.schema, coerce(p.schema, value), p.name));
  }
  const queryParams = operation.parameters.filter((p) => p.in === "query");
  for (const [name, raw] of query) {
    const p = queryParams.find((x) => x.name === name);
    if (!p)
      problems.push({
        field: name,
        code: "unknown_field",
        message: `"${name}" is not a permitted query parameter.`,
      });
    else problems.push(...validateSchema(p.schema, coerce(p.schema, raw), name));
  }
  for (const p of queryParams) {
    if (p.required && !query.has(p.name))
      problems.push({ field: p.name, code: "missing_field", message: `"${p.name}" wasn't supplied.` });
  }
  const spec = operation.requestBody;
  if (!spec) {
    const empty =
      body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0);
    if (!empty && operation.method !== "GET")
      problems.push({ field: "", code: "invalid", message: "This endpoint takes no request body." });
    return problems;
  }
  if (body === undefined) {
    if (spec.required)
      problems.push({ field: "", code: "missing_field", message: "A request body is required." });
    return problems;
  }
  return [...problems, ...validateSchema(spec.schema, body)];
}
