// The inputs `/lanes recheck` and `/lanes integrate` dispatch are the ones the workflows declare — those
// `lanes init` writes and this repository's own lanes-gates.yml — checked as GitHub checks a dispatch.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { integrateInputs } from "../../../src/app/commands/integrate.js";
import { gatesInputs } from "../../../src/app/commands/recheck-lane.js";
import { actionRef, renderGatesWorkflow, renderIntegrateWorkflow } from "../../../src/install/index.js";
import { dispatchRefusal } from "../../../src/sandbox/workflow-trigger.js";

const input = { action: actionRef("0.1.0"), toolchains: [] };
const pull = {
  number: 12,
  head: { ref: "lanes/developer/7-x", sha: "a".repeat(40) },
  base: { ref: "main", sha: "b" },
};

describe("workflow_dispatch inputs of the commands", () => {
  it("match lanes-gates.yml as lanes init writes it and as this repository has it", () => {
    expect(dispatchRefusal(renderGatesWorkflow(input), gatesInputs(pull))).toBeUndefined();
    const own = readFileSync(".github/workflows/lanes-gates.yml", "utf8");
    expect(dispatchRefusal(own, gatesInputs(pull))).toBeUndefined();
    // the check is not vacuous: a missing input is refused
    expect(dispatchRefusal(own, { pr: "12" })).toMatch(/Required input 'head_sha' not provided/);
  });

  it("match lanes-integrate.yml as lanes init writes it, with and without --dry-run", () => {
    const text = renderIntegrateWorkflow(input);
    expect(dispatchRefusal(text, integrateInputs(true))).toBeUndefined();
    expect(dispatchRefusal(text, integrateInputs(false))).toBeUndefined();
    expect(dispatchRefusal(text, { dry: "true" })).toMatch(/Unexpected inputs provided/);
  });
});
