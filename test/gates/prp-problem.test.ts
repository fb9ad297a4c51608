// A PR whose PRP is not linked, or does not parse: lanes/prp and lanes/validation say so instead of judging.
import { access } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prpGate } from "../../src/gates/gate-prp.js";
import { validationGate } from "../../src/gates/gate-validation.js";
import type { PrpProblem } from "../../src/gates/types.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

const missing: PrpProblem = {
  kind: "missing",
  title: "No PRP linked to the PR",
  summary: "PR #3: no link.\n\nWrite `Closes #<issue>`.",
};
const invalid: PrpProblem = {
  kind: "invalid",
  title: "The PRP in #7 does not parse (1 error)",
  summary: "- line 2: `role`: expected a role",
};

async function inputWith(problem: PrpProblem) {
  lane = await laneRepo({}, { "src/a.ts": "export const a = 1;\n" });
  const prp = samplePrp({
    criteria: [{ text: "a is one", checked: false, line: 9 }],
    validation: ["touch validation-ran"],
  });
  return { ...(await lane.input({ prp })), prpProblem: problem };
}

describe("the PRP gates without a usable PRP", () => {
  it("report neutral with how to link a PRP when none is linked, running no command", async () => {
    const input = await inputWith(missing);
    expect(await prpGate.run(input)).toEqual({
      conclusion: "neutral",
      title: missing.title,
      summary: missing.summary,
      annotations: [],
    });
    const validation = await validationGate.run(input);
    expect(validation).toMatchObject({
      conclusion: "neutral",
      title: "No PRP to take validation commands from",
    });
    expect(validation.summary).toContain("Closes #<issue>");
    await expect(access(join(lane?.repo.dir ?? "", "validation-ran"))).rejects.toThrow();
  });

  it("fail lanes/prp with the parse errors, and leave lanes/validation neutral pointing at it", async () => {
    const input = await inputWith(invalid);
    expect(await prpGate.run(input)).toEqual({
      conclusion: "failure",
      title: invalid.title,
      summary: invalid.summary,
      annotations: [],
    });
    expect(await validationGate.run(input)).toMatchObject({
      conclusion: "neutral",
      summary: expect.stringContaining("see lanes/prp"),
    });
  });
});
