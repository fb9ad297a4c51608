import { afterEach, describe, expect, it } from "vitest";
import { prpGate } from "../../src/gates/gate-prp.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

const criteria = (...texts: string[]) => texts.map((text, i) => ({ text, checked: false, line: 10 + i }));

const laneFiles = {
  "src/api/rate-limit.ts": [
    "// Fixed-window limiter per token.",
    "export const LIMIT_PER_MINUTE = 100;",
    "export function rateLimit(token: string, hits: Map<string, number>): number {",
    "  const count = (hits.get(token) ?? 0) + 1;",
    "  hits.set(token, count);",
    "  return count > LIMIT_PER_MINUTE ? 429 : 200;",
    "}",
    "",
  ].join("\n"),
  "test/api/rate-limit.test.ts": [
    'import { expect, it } from "vitest";',
    'import { rateLimit } from "../../src/api/rate-limit.js";',
    'it("returns 429 after 100 requests per minute per token", () => {',
    "  const hits = new Map<string, number>();",
    '  for (let i = 0; i < 100; i++) rateLimit("token", hits);',
    '  expect(rateLimit("token", hits)).toBe(429);',
    "});",
    "",
  ].join("\n"),
};

describe("lanes/prp", () => {
  it("passes when every criterion has evidence, preferring tests, and shows the mapping", async () => {
    lane = await laneRepo({}, laneFiles);
    const prp = samplePrp({
      criteria: criteria("429 returned after 100 requests/minute per token", "Limits are counted per token"),
    });
    const result = await prpGate.run(await lane.input({ prp }));
    expect(result.conclusion).toBe("success");
    expect(result.summary.replace(/\r\n/g, "\n")).toMatchInlineSnapshot(`
      "2 of 2 criteria mapped to evidence in the lane's added lines or the PR body.

      |  | criterion | evidence |
      | --- | --- | --- |
      | ✅ | 429 returned after 100 requests/minute per token | test/api/rate-limit.test.ts:3, src/api/rate-limit.ts:6 |
      | ✅ | Limits are counted per token | test/api/rate-limit.test.ts:5, src/api/rate-limit.ts:3 |"
    `);
  });

  it("fails below the threshold and says 'no evidence' for unmapped criteria", async () => {
    lane = await laneRepo({}, laneFiles);
    const prp = samplePrp({
      criteria: criteria(
        "429 returned after 100 requests/minute per token",
        "Admin dashboard shows usage graphs",
        "Quotas exported to Prometheus metrics",
      ),
    });
    const result = await prpGate.run(await lane.input({ prp }));
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("1/3 criteria have evidence (33 %, needs 80 %)");
    expect(result.summary).toContain("| ❌ | Admin dashboard shows usage graphs | no evidence |");
  });

  it("counts a box checked in the PR body as evidence, and honours a lower configured threshold", async () => {
    lane = await laneRepo({}, laneFiles);
    const prp = samplePrp({
      criteria: criteria(
        "429 returned after 100 requests/minute per token",
        "Admin dashboard shows usage graphs",
        "Quotas exported to Prometheus metrics",
      ),
    });
    const prBody =
      "Closes #7\n\n- [x] Admin dashboard shows usage graphs\n- [ ] Quotas exported to Prometheus metrics\n";
    const result = await prpGate.run(await lane.input({ prp, prBody, config: { prpCoverage: 0.6 } }));
    expect(result.summary).toContain("| ✅ | Admin dashboard shows usage graphs | checked in the PR body |");
    expect(result.summary).toContain("| ❌ | Quotas exported to Prometheus metrics | no evidence |");
    expect(result.conclusion).toBe("success");
  });

  it("is neutral when the PRP has no success criteria", async () => {
    lane = await laneRepo({}, laneFiles);
    const result = await prpGate.run(await lane.input({ prp: samplePrp({ criteria: [] }) }));
    expect(result.conclusion).toBe("neutral");
  });
});
