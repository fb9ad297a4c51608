import { afterEach, describe, expect, it } from "vitest";
import { prpGate } from "../../src/gates/gate-prp.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

const criteria = (...texts: string[]) => texts.map((text, i) => ({ text, checked: false, line: 10 + i }));

const CRITERIA = criteria(
  "429 returned after 100 requests per minute per token",
  "Limits are counted per token",
);

/** A lane with code and node:test tests: `passing` names tests that pass, `failing` tests that throw. */
const laneFiles = (tests: { passing: string[]; failing?: string[] }) => ({
  "src/rate-limit.js": [
    "export const LIMIT_PER_MINUTE = 100;",
    "export function rateLimit(token, hits) {",
    "  const count = (hits.get(token) ?? 0) + 1;",
    "  hits.set(token, count);",
    "  return count > LIMIT_PER_MINUTE ? 429 : 200;",
    "}",
    "",
  ].join("\n"),
  "test/rate-limit.test.js": [
    'import { test } from "node:test";',
    ...tests.passing.map((name) => `test(${JSON.stringify(name)}, () => {});`),
    ...(tests.failing ?? []).map(
      (name) => `test(${JSON.stringify(name)}, () => { throw new Error("no"); });`,
    ),
    "",
  ].join("\n"),
});

const validation = ["node --test test/rate-limit.test.js"];
const body = (...tests: string[]) =>
  `Closes #7\n\n${tests.map((t, i) => `- criterion ${i + 1}: \`${t}\``).join("\n")}\n`;

describe("lanes/prp", () => {
  it("passes a lane with a passing test named for each criterion, and shows test, result and where it ran", async () => {
    lane = await laneRepo({}, laneFiles({ passing: ["returns 429 after 100 requests", "counts per token"] }));
    const result = await prpGate.run(
      await lane.input({
        prp: samplePrp({ criteria: CRITERIA, validation }),
        prBody: body("returns 429 after 100 requests", "counts per token"),
      }),
    );
    expect(result.conclusion).toBe("success");
    expect(result.title).toBe("2/2 criteria have evidence (100 %, needs 80 %)");
    expect(result.summary).toContain("| criterion | test | result | where it ran |");
    expect(result.summary).toContain(
      "| ✅ | 1. 429 returned after 100 requests per minute per token | `returns 429 after 100 requests` | passed | test/rate-limit.test.js:2; TAP from `node --test test/rate-limit.test.js` |",
    );
  });

  it("does not count a test that exists in the lane but failed", async () => {
    lane = await laneRepo(
      {},
      laneFiles({ passing: ["counts per token"], failing: ["returns 429 after 100 requests"] }),
    );
    const result = await prpGate.run(
      await lane.input({
        prp: samplePrp({ criteria: CRITERIA, validation }),
        prBody: body("returns 429 after 100 requests", "counts per token"),
      }),
    );
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toMatch(/\| ❌ \| 1\. .* \| `returns 429 after 100 requests` \| failed \|/);
  });

  it("does not count a test named in the PR body that the lane's diff does not add", async () => {
    lane = await laneRepo({}, laneFiles({ passing: ["counts per token"] }));
    const result = await prpGate.run(
      await lane.input({
        prp: samplePrp({ criteria: CRITERIA, validation }),
        prBody: body("an old test somewhere", "counts per token"),
      }),
    );
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("| `an old test somewhere` | not in the lane's diff |");
  });

  it("fails a lane that only adds notes restating its criteria, whatever its PR body says", async () => {
    lane = await laneRepo(
      {},
      {
        "lanes-work/7/1-429.md": "# 429 returned after 100 requests per minute per token\n",
        "lanes-work/7/2-token.md": "# Limits are counted per token\n",
      },
    );
    const result = await prpGate.run(
      await lane.input({
        prp: samplePrp({ criteria: CRITERIA, validation }),
        prBody:
          "Closes #7\n\n- [x] 429 returned after 100 requests per minute per token\n- [x] Limits are counted per token\n",
      }),
    );
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("The lane changes no source or test file");
  });

  it("does not count a box checked in the lane's own PR body; a maintainer's explicit acceptance does", async () => {
    lane = await laneRepo({}, laneFiles({ passing: ["counts per token"] }));
    const prp = samplePrp({ criteria: CRITERIA, validation });
    const checked =
      "Closes #7\n\n- [x] 429 returned after 100 requests per minute per token\n- criterion 2: `counts per token`\n";
    const own = await prpGate.run(await lane.input({ prp, prBody: checked }));
    expect(own.conclusion).toBe("failure");
    expect(own.summary).toMatch(/\| ❌ \| 1\. .* \| — \| no test named \|/);

    const accepted = await prpGate.run(
      await lane.input({
        prp,
        prBody: checked,
        acceptances: [{ criteria: [1], by: "maintainer", at: "https://github.test/c/1" }],
      }),
    );
    expect(accepted.conclusion).toBe("success");
    expect(accepted.summary).toContain("| accepted | accepted by @maintainer (https://github.test/c/1) |");
  });

  it("is neutral without success criteria until a maintainer accepts the lane", async () => {
    lane = await laneRepo({}, laneFiles({ passing: ["counts per token"] }));
    const waiting = await prpGate.run(await lane.input({ prp: samplePrp({ criteria: [] }) }));
    expect(waiting.conclusion).toBe("neutral");
    expect(waiting.title).toContain("waits for a person's acceptance");
    const accepted = await prpGate.run(
      await lane.input({ prp: samplePrp({ criteria: [] }), acceptances: [{ criteria: "all", by: "lead" }] }),
    );
    expect(accepted).toMatchObject({ conclusion: "success", title: "Accepted by @lead" });
  });
});
