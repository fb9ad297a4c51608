// Extracts the GitHub REST operations Lanes uses from GitHub's OpenAPI description into
// src/sandbox/openapi-subset.json, so the sandbox validates requests without the ~385 MB package.
//
// Regenerate (the package is fetched into a temp dir, never added as a dependency):
//   dir=$(mktemp -d) && (cd "$dir" && npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz)
//   npx tsx scripts/openapi-subset.ts "$dir/package/generated/api.github.com.json" > src/sandbox/openapi-subset.json
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** operationIds of every endpoint the GitHub port (src/github/) or the App auth calls. */
export const LANES_OPERATIONS = [
  "apps/create-installation-access-token",
  "apps/get-repo-installation",
  "apps/create-from-manifest",
  "repos/get",
  "issues/list-labels-for-repo",
  "issues/create-label",
  "issues/update-label",
  "issues/add-labels",
  "issues/remove-label",
  "issues/list-for-repo",
  "issues/get",
  "issues/create",
  "issues/update",
  "issues/create-comment",
  "issues/list-comments",
  "issues/update-comment",
  "reactions/create-for-issue",
  "reactions/create-for-issue-comment",
  "repos/get-collaborator-permission-level",
  "git/get-ref",
  "git/list-matching-refs",
  "git/create-ref",
  "git/update-ref",
  "repos/get-branch",
  "pulls/create",
  "pulls/list",
  "pulls/get",
  "pulls/update",
  "pulls/list-files",
  "pulls/list-reviews",
  "pulls/create-review",
  "pulls/merge",
  "pulls/request-reviewers",
  "checks/create",
  "checks/update",
  "checks/get",
  "checks/list-annotations",
  "checks/list-for-ref",
  "repos/get-content",
  "actions/create-workflow-dispatch",
] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Schema keywords the sandbox validator understands; everything else (docs, examples) is dropped. */
const KEPT = new Set([
  "type",
  "enum",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "oneOf",
  "anyOf",
  "allOf",
  "nullable",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "maxItems",
  "minItems",
]);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolve(spec: JsonObject, node: Json, depth = 0): Json {
  if (depth > 40) throw new Error("schema nesting too deep; a recursive $ref is not supported");
  if (Array.isArray(node)) return node.map((n) => resolve(spec, n, depth + 1));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const target = ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<Json | undefined>((at, key) => (isObject(at) ? at[key] : undefined), spec);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return resolve(spec, target, depth + 1);
  }
  return node;
}

function pruneSchema(spec: JsonObject, node: Json, depth = 0): Json {
  const schema = resolve(spec, node, depth);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, pruneSchema(spec, v, depth + 1)]),
      );
    } else if ((key === "oneOf" || key === "anyOf" || key === "allOf") && Array.isArray(value)) {
      out[key] = value.map((v) => pruneSchema(spec, v, depth + 1));
    } else if ((key === "items" || key === "additionalProperties") && isObject(value)) {
      out[key] = pruneSchema(spec, value, depth + 1);
    } else out[key] = value;
  }
  return out;
}

function pruneParameter(spec: JsonObject, node: Json): Json {
  const p = resolve(spec, node);
  if (!isObject(p)) throw new Error("a parameter is not an object");
  return {
    name: p.name ?? null,
    in: p.in ?? null,
    required: p.required === true,
    schema: pruneSchema(spec, p.schema ?? {}),
    ...(p["x-multi-segment"] === true ? { multiSegment: true } : {}),
  };
}

export function extractSubset(spec: JsonObject, operationIds: readonly string[]): JsonObject[] {
  const wanted = new Set(operationIds);
  const found: JsonObject[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isObject(op) || typeof op.operationId !== "string" || !wanted.has(op.operationId)) continue;
      const body = resolve(spec, op.requestBody ?? null);
      const bodySchema =
        isObject(body) && isObject(body.content) ? body.content["application/json"] : undefined;
      found.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters: Array.isArray(op.parameters) ? op.parameters.map((p) => pruneParameter(spec, p)) : [],
        requestBody: isObject(bodySchema)
          ? {
              required: isObject(body) && body.required === true,
              schema: pruneSchema(spec, bodySchema.schema ?? {}),
            }
          : null,
      });
      wanted.delete(op.operationId);
    }
  }
  if (wanted.size > 0) throw new Error(`operations not found in the description: ${[...wanted].join(", ")}`);
  return found.sort((a, b) => String(a.operationId).localeCompare(String(b.operationId)));
}

const file = process.argv[2];
const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly && file) {
  const spec = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
  const info = isObject(spec.info) ? spec.info : {};
  const subset = {
    source: "api.github.com.json",
    version: info.version ?? null,
    operations: extractSubset(spec, LANES_OPERATIONS),
  };
  process.stdout.write(`${JSON.stringify(subset, null, 1)}\n`);
}
