import { describe, expect, it } from "vitest";
import type { IntegrationResult } from "../../src/integrate/apply-integration.js";
import { renderIntegrationPr } from "../../src/integrate/render-integration-pr.js";

const result = (over: Partial<IntegrationResult> = {}): IntegrationResult => ({
  base: "main",
  baseCommit: "0123456789abcdef0123",
  branch: "lanes/integration/2026-03-14",
  commit: "f".repeat(40),
  order: ["lanes/developer/1-api", "lanes/devops/2-ci", "lanes/tester/3-tests"],
  merged: ["lanes/developer/1-api"],
  conflicts: [{ branch: "lanes/devops/2-ci", files: ["ci.yml"], with: ["lanes/developer/1-api"] }],
  skipped: [
    {
      branch: "old",
      kind: "missing",
      reason: 'branch "old" does not exist; was it deleted or never pushed?',
    },
  ],
  culprits: [
    {
      branch: "lanes/tester/3-tests",
      reason:
        'validation "npm test" fails once lanes/tester/3-tests is merged, and passes with the lanes before it',
      output: "1 failing\n```\n",
      onto: "e".repeat(40),
    },
  ],
  validation: [{ command: "npm test", ok: true, exitCode: 0, timedOut: false, outputTail: "" }],
  baseFailsValidation: false,
  lanes: [
    {
      branch: "lanes/developer/1-api",
      id: "1",
      role: "developer",
      title: "Public API",
      commit: "1".repeat(40),
    },
    { branch: "lanes/devops/2-ci", id: "2", role: "devops", commit: "2".repeat(40) },
    { branch: "lanes/tester/3-tests", id: "T-3", role: "tester", commit: "3".repeat(40) },
  ],
  requeue: [],
  ok: false,
  ...over,
});

describe("renderIntegrationPr", () => {
  it("lists merged, conflicted (with files) and culprit lanes with reasons, and the validation that ran", () => {
    const pr = renderIntegrationPr(result());
    expect(pr?.title).toBe("Integration 2026-03-14: 1 lane");
    expect(pr?.head).toBe("lanes/integration/2026-03-14");
    expect(pr?.base).toBe("main");
    expect(pr?.body.replace(/\r\n/g, "\n")).toMatchSnapshot();
  });

  it("keeps culprit output from closing its code fence", () => {
    const body = renderIntegrationPr(result())?.body ?? "";
    expect(body.match(/```/g)).toHaveLength(2);
  });

  it("says when no validation was configured", () => {
    expect(renderIntegrationPr(result({ validation: [] }))?.body).toContain(
      "No validation commands were configured.",
    );
  });

  it("returns null when no integration branch was written", () => {
    expect(renderIntegrationPr(result({ branch: null }))).toBeNull();
  });
});
