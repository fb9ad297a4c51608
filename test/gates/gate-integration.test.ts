import { afterEach, describe, expect, it } from "vitest";
import { integrationGate } from "../../src/gates/gate-integration.js";
import { laneRepo, samplePrp, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

describe("lanes/integration", () => {
  it("passes when dependencies are merged and the lane merges cleanly", async () => {
    lane = await laneRepo({ "src/a.ts": "a\n" }, { "src/b.ts": "b\n" });
    const result = await integrationGate.run(
      await lane.input({ prp: samplePrp({ dependsOn: ["3", "5"] }), mergedPrpIds: new Set(["3", "5"]) }),
    );
    expect(result).toMatchObject({ conclusion: "success", title: "Ready to integrate", annotations: [] });
  });

  it("fails while a dependency is not merged", async () => {
    lane = await laneRepo({}, { "src/b.ts": "b\n" });
    const result = await integrationGate.run(
      await lane.input({ prp: samplePrp({ dependsOn: ["3", "5"] }), mergedPrpIds: new Set(["3"]) }),
    );
    expect(result.conclusion).toBe("failure");
    expect(result.summary).toContain("Dependencies not merged yet: #5.");
  });

  it("fails and lists the files when the lane conflicts with the base", async () => {
    lane = await laneRepo(
      { "src/a.ts": "one\n", "src/c.ts": "c\n" },
      { "src/a.ts": "lane\n", "src/b.ts": "b\n" },
    );
    await lane.repo.git("checkout", "-q", "main");
    await lane.repo.commit("Change a on main", { "src/a.ts": "main\n" });
    await lane.repo.git("checkout", "-q", "lanes/developer/7-rate-limit");
    const result = await integrationGate.run(await lane.input());
    expect(result.conclusion).toBe("failure");
    expect(result.title).toBe("conflicts in 1 file(s)");
    expect(result.annotations).toEqual([expect.objectContaining({ path: "src/a.ts", level: "failure" })]);
  });
});
