import { describe, expect, it } from "vitest";
import {
  RequeueRequestSchema,
  buildRequeueRequest,
  type ResolveJobInput,
} from "../../src/integrate/resolve-job.js";

const input = (over: Partial<ResolveJobInput> = {}): ResolveJobInput => ({
  reason: "conflict",
  role: "developer",
  branch: "lanes/developer/7-auth",
  prpId: "7",
  title: "Add auth",
  base: { ref: "main", commit: "a".repeat(40) },
  integrationBranch: "lanes/integration/2026-01-01",
  files: ["src/auth.ts"],
  theirs: { branch: "lanes/developer/7-auth", prpId: "7", commit: "b".repeat(40), subject: "add auth" },
  ours: [
    { branch: "lanes/developer/5-session", prpId: "5", commit: "c".repeat(40), subject: "add sessions" },
  ],
  context: "CONFLICT (content): Merge conflict in src/auth.ts",
  previousAttempts: 0,
  maxAttempts: 2,
  ...over,
});

describe("buildRequeueRequest", () => {
  it("sends the first attempts back to the owner role's queue, counting attempts from 1", () => {
    expect(buildRequeueRequest(input())).toMatchObject({
      target: "role",
      job: { kind: "resolve", role: "developer", attempt: 1, maxAttempts: 2 },
    });
    expect(buildRequeueRequest(input({ previousAttempts: 1 }))).toMatchObject({
      target: "role",
      job: { attempt: 2 },
    });
  });

  it("escalates to needs-human once the configured attempts are used up, saying why", () => {
    const request = buildRequeueRequest(input({ previousAttempts: 2, reason: "validation" }));
    expect(request).toMatchObject({
      target: "needs-human",
      why: "lanes/developer/7-auth still fails validation after 2 resolve attempts",
      job: { attempt: 3 },
    });
  });

  it("gives lanes without an owner role to the integrator", () => {
    expect(buildRequeueRequest(input({ role: undefined })).job.role).toBe("integrator");
  });

  it("round-trips through JSON and the schema, as it will through Redis", () => {
    const request = buildRequeueRequest(input());
    expect(RequeueRequestSchema.parse(JSON.parse(JSON.stringify(request)))).toEqual(request);
    expect(() => RequeueRequestSchema.parse({ target: "role", job: { kind: "resolve" } })).toThrow();
  });
});
