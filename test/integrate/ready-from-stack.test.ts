import { afterEach, describe, expect, it } from "vitest";
import { writeGateRecord } from "../../src/gates/local-gate-record.js";
import { readyFromStack } from "../../src/integrate/ready-from-stack.js";
import { gitEnv } from "../support/git.js";
import { makeLaneRepo, type LaneRepo } from "./lane-repo.js";

describe("readyFromStack", () => {
  let repo: LaneRepo | undefined;
  afterEach(async () => repo?.remove());

  it("takes a lane whose tip has a local gate record with every required gate succeeded, and no other", async () => {
    repo = await makeLaneRepo();
    const passed = await repo.lane("lanes/developer/1-api", { "a.txt": "a\n" });
    const neutral = await repo.lane("lanes/developer/2-docs", { "b.txt": "b\n" });
    await repo.lane("lanes/developer/3-ungated", { "c.txt": "c\n" });
    const git = { dir: repo.dir, env: gitEnv };
    const record = (commit: string, branch: string, prp: "success" | "neutral") =>
      writeGateRecord(git, {
        commit,
        branch,
        at: "2026-03-14T00:00:00Z",
        gates: [
          { name: "lanes/prp", mode: "required", conclusion: prp, title: prp },
          { name: "lanes/validation", mode: "required", conclusion: "success", title: "ok" },
        ],
      });
    await record(passed, "lanes/developer/1-api", "success");
    await record(neutral, "lanes/developer/2-docs", "neutral");

    const set = await readyFromStack(
      git,
      ["lanes/developer/1-api", "lanes/developer/2-docs", "lanes/developer/3-ungated"],
      ["lanes/prp", "lanes/validation"],
    );
    expect(set.ready).toEqual([{ branch: "lanes/developer/1-api", commit: passed }]);
    expect(set.waiting.map((w) => [w.branch, w.reason])).toEqual([
      ["lanes/developer/2-docs", expect.stringMatching(/lanes\/prp is neutral.*acceptance/)],
      [
        "lanes/developer/3-ungated",
        expect.stringContaining("lanes gate --all --branch lanes/developer/3-ungated"),
      ],
    ]);
  });
});
