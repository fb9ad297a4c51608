// The sandbox answers like GitHub: unknown endpoints 404, bad requests 4xx naming the field,
// authentication and permission failures with GitHub's status codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, matchOperation } from "../../src/sandbox/openapi-operations.js";
import { ROUTES } from "../../src/sandbox/routes.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { installationToken } from "./app-token.js";

describe("sandbox request validation", () => {
  let sandbox: Sandbox;
  let api: (
    method: string,
    path: string,
    body?: unknown,
    login?: string,
  ) => Promise<{ status: number; json: Record<string, unknown> }>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const info = sandbox.info();
    api = async (method, path, body, login = "sandbox-admin") => {
      const token = info.users.find((u) => u.login === login)?.token ?? "";
      const res = await fetch(`${info.api_url}${path}`, {
        method,
        headers: {
          authorization: `token ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
  });
  afterAll(() => sandbox.close());

  it("has a handler for every operation in the OpenAPI subset, and no handler outside it", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it("matches multi-segment refs and paths, and nothing else", () => {
    expect(matchOperation("GET", "/repos/o/r/git/ref/heads/lanes/dev/1-x")?.params.ref).toBe(
      "heads/lanes/dev/1-x",
    );
    expect(matchOperation("GET", "/repos/o/r/contents/.github%2Flanes.yml")?.params.path).toBe(
      ".github/lanes.yml",
    );
    expect(matchOperation("GET", "/repos/o/r/issues/1/labels/x")).toBeNull();
  });

  it("answers an unknown endpoint with 404 Not Found", async () => {
    expect(await api("GET", "/repos/sandbox-admin/demo/milestones")).toMatchObject({
      status: 404,
      json: { message: "Not Found" },
    });
    expect((await api("DELETE", "/repos/sandbox-admin/demo/issues/1")).status).toBe(404);
  });

  it("answers a missing required field, an unknown field and a wrong type with 422 naming each", async () => {
    const path = "/repos/sandbox-admin/demo/issues";
    const missing = await api("POST", path, { body: "x" });
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toEqual([expect.objectContaining({ field: "title", code: "missing_field" })]);
    const wrong = await api("POST", path, { title: "t", labels: "prp" });
    expect(wrong).toMatchObject({
      status: 422,
      json: { message: expect.stringContaining("For 'labels', \"prp\" is not a array.") },
    });
  });

  it("refuses an issue or comment body over 65,536 characters with 422, like GitHub", async () => {
    const path = "/repos/sandbox-admin/demo/issues";
    const big = await api("POST", path, { title: "big", body: "x".repeat(65_537) });
    expect(big).toMatchObject({
      status: 422,
      json: { message: "Validation Failed: body is too long (maximum is 65536 characters)" },
    });
    const fits = await api("POST", path, { title: "fits", body: "x".repeat(65_536) });
    expect(fits.status).toBe(201);
    const comment = await api("POST", `${path}/${String(fits.json.number)}/comments`, {
      body: "y".repeat(65_537),
    });
    expect(comment.status).toBe(422);
    const edit = await api("PATCH", `${path}/${String(fits.json.number)}`, { body: "z".repeat(1_000_000) });
    expect(edit.status).toBe(422);
  });

  it("rejects more than 50 annotations per request and an unknown nested field, like GitHub", async () => {
    const token = await installationToken(sandbox);
    const post = async (output: unknown) => {
      const res = await fetch(`${sandbox.info().api_url}/repos/sandbox-admin/demo/check-runs`, {
        method: "POST",
        headers: { authorization: `token ${token}` },
        body: JSON.stringify({ name: "x", head_sha: "a".repeat(40), output }),
      });
      return {
        status: res.status,
        errors: ((await res.json()) as { errors: { field: string; code: string }[] }).errors,
      };
    };
    const annotations = Array.from({ length: 51 }, () => ({
      path: "a",
      start_line: 1,
      end_line: 1,
      annotation_level: "notice",
      message: "m",
    }));
    expect(await post({ title: "t", summary: "s", annotations })).toMatchObject({
      status: 422,
      errors: [{ field: "output.annotations" }],
    });
    expect(await post({ title: "t", summary: "s", annotation: [] })).toMatchObject({
      status: 422,
      errors: [{ field: "output.annotation", code: "unknown_field" }],
    });
  });

  it("rejects an unknown query parameter and malformed JSON", async () => {
    expect((await api("GET", "/repos/sandbox-admin/demo/issues?colour=red")).json.message).toContain(
      '"colour" is not a permitted query parameter',
    );
    expect(await api("POST", "/repos/sandbox-admin/demo/issues", "{not json")).toMatchObject({
      status: 400,
      json: { message: "Problems parsing JSON" },
    });
  });

  it("answers bad credentials with 401, a stranger with 404, and too little permission with 403", async () => {
    const res = await fetch(`${sandbox.info().api_url}/repos/sandbox-admin/demo`, {
      headers: { authorization: "token nope" },
    });
    expect(res.status).toBe(401);
    expect((await fetch(`${sandbox.info().api_url}/repos/sandbox-admin/demo`)).status).toBe(401);
    expect((await api("GET", "/repos/sandbox-admin/demo", undefined, "sandbox-stranger")).status).toBe(404);
    const denied = await api("POST", "/repos/sandbox-admin/demo/labels", { name: "x" }, "sandbox-reader");
    expect(denied.status).toBe(403);
    expect(denied.json.message).toContain("needs write permission");
    expect(
      (await api("POST", "/repos/sandbox-admin/demo/check-runs", { name: "x", head_sha: "a" })).json.message,
    ).toBe("You must authenticate via a GitHub App.");
  });

  it("refuses an App JWT that was not signed with the App's key", async () => {
    const bogus = `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from('{"iss":1}').toString("base64url")}.c2ln`;
    const res = await fetch(
      `${sandbox.info().api_url}/app/installations/${sandbox.info().app.installation_id}/access_tokens`,
      { method: "POST", headers: { authorization: `bearer ${bogus}` } },
    );
    expect(res.status).toBe(401);
  });
});
