import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commitsGate, moodProblem } from "../../src/gates/gate-commits.js";
import { laneRepo, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

/** A lane whose commits have the given subjects, authored at the given minutes after 09:00. */
async function laneWithCommits(commits: [subject: string, minute: number][]): Promise<LaneRepo> {
  const made = await laneRepo({}, []);
  for (const [i, [subject, minute]] of commits.entries()) {
    await writeFile(join(made.repo.dir, `f${i}.txt`), `${i}\n`);
    await made.repo.git("add", "-A");
    const date = new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();
    await made.repo.git("commit", "-q", "-m", subject, `--date=${date}`);
  }
  return made;
}

describe("imperative mood", () => {
  it.each([
    ["Added rate limiting", true],
    ["Adding rate limiting", true],
    ["fixes the limiter", true],
    ["Updates docs", true],
    ["Add rate limiting", false],
    ["Process queued jobs first", false],
    ["Embed the schema", false],
    ["feat(api): add a limiter", false],
    ["feat(api): added a limiter", true],
    ["Seed the project", false],
  ])("%s → flagged %s", (subject, flagged) => {
    expect(moodProblem(subject) !== undefined).toBe(flagged);
  });
});

describe("lanes/commits", () => {
  it("passes short imperative subjects committed within the cadence", async () => {
    lane = await laneWithCommits([
      ["Add the limiter", 0],
      ["Count hits per token", 20],
      ["Return 429 over the limit", 45],
    ]);
    const result = await commitsGate.run(await lane.input());
    expect(result.conclusion).toBe("success");
    expect(result.summary.replace(/\r\n/g, "\n").replace(/[0-9a-f]{7}/g, "sha")).toMatchInlineSnapshot(`
      "3 commit(s) checked.

      | commit | subject |
      | --- | --- |
      | sha | Add the limiter |
      | sha | Count hits per token |
      | sha | Return 429 over the limit |"
    `);
  });

  it("fails long, past-tense and final WIP subjects", async () => {
    lane = await laneWithCommits([
      ["Added the limiter", 0],
      [`Add ${"x".repeat(80)}`, 5],
      ["WIP: limiter", 10],
    ]);
    const result = await commitsGate.run(await lane.input());
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("3 commit message problem(s)");
    expect(result.summary).toContain("subject is 84 characters (at most 72)");
    expect(result.summary).toContain('"Added" is past tense');
    expect(result.summary).toContain("the final commit is a WIP commit");
  });

  it("warns (neutral) about a gap longer than the configured cadence", async () => {
    lane = await laneWithCommits([
      ["Add the limiter", 0],
      ["Count hits per token", 50],
    ]);
    const result = await commitsGate.run(await lane.input());
    expect(result.conclusion).toBe("neutral");
    expect(result.summary).toContain("50 minutes after the previous commit (commit at least every 30)");
    const relaxed = await commitsGate.run(await lane.input({ config: { commitCadenceMinutes: 60 } }));
    expect(relaxed.conclusion).toBe("success");
  });
});
