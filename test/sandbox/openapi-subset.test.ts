// The subset generator and the schema validator the sandbox's request checks rest on.
import { describe, expect, it } from "vitest";
import { extractSubset, LANES_OPERATIONS } from "../../scripts/openapi-subset.js";
import { OPERATIONS } from "../../src/sandbox/openapi-operations.js";
import { validateSchema } from "../../src/sandbox/validate-schema.js";

const spec = {
  components: {
    parameters: {
      owner: {
        name: "owner",
        in: "path",
        required: true,
        schema: { type: "string" },
        description: "dropped",
      },
    },
    schemas: {
      label: {
        type: "object",
        properties: { name: { type: "string" } },
        required: ["name"],
        example: { name: "x" },
      },
    },
  },
  paths: {
    "/repos/{owner}/labels": {
      post: {
        operationId: "issues/create-label",
        parameters: [{ $ref: "#/components/parameters/owner" }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/label" } } },
        },
      },
      get: { operationId: "issues/list-labels-for-repo", parameters: [] },
    },
  },
};

describe("openapi subset", () => {
  it("extracts the wanted operations with $refs resolved and documentation dropped", () => {
    expect(extractSubset(spec, ["issues/create-label"])).toEqual([
      {
        operationId: "issues/create-label",
        method: "POST",
        path: "/repos/{owner}/labels",
        parameters: [{ name: "owner", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
        },
      },
    ]);
  });

  it("fails loudly when an operation Lanes uses is missing from the description", () => {
    expect(() => extractSubset(spec, ["pulls/merge"])).toThrow(
      "operations not found in the description: pulls/merge",
    );
  });

  it("the committed subset holds exactly the operations the generator lists", () => {
    expect(OPERATIONS.map((o) => o.operationId).sort()).toEqual([...LANES_OPERATIONS].sort());
  });
});

describe("validateSchema", () => {
  const schema = {
    type: "object",
    properties: {
      title: { oneOf: [{ type: "string" }, { type: "integer" }] },
      state: { type: "string", enum: ["open", "closed"] },
      labels: { type: "array", maxItems: 2, items: { type: "string" } },
      assignee: { type: "string", nullable: true },
      extra: { type: "object", additionalProperties: { type: "string" } },
    },
    required: ["title"],
  };

  it("accepts what the schema allows: alternatives, null where nullable, free-form maps", () => {
    expect(
      validateSchema(schema, { title: 5, state: "open", labels: ["a"], assignee: null, extra: { k: "v" } }),
    ).toEqual([]);
  });

  it("names each problem's field with GitHub's wording", () => {
    expect(
      validateSchema(schema, { state: "merged", labels: ["a", 1], extra: { k: 2 }, colour: "red" }).map(
        (p) => [p.field, p.code, p.message],
      ),
    ).toEqual([
      ["title", "missing_field", '"title" wasn\'t supplied.'],
      ["state", "invalid", 'For \'state\', "merged" is not a member of ["open","closed"].'],
      ["labels.1", "invalid", "For 'labels.1', 1 is not a string."],
      ["extra.k", "invalid", "For 'extra.k', 2 is not a string."],
      ["colour", "unknown_field", '"colour" is not a permitted key.'],
    ]);
    expect(validateSchema(schema, { title: true })[0]?.message).toBe(
      "For 'title', true does not match any of the allowed shapes.",
    );
    expect(validateSchema(schema, { title: "t", labels: ["a", "b", "c"] })[0]?.field).toBe("labels");
  });
});
