import { describe, expect, it } from "vitest";
import { isJobToken } from "../../src/runner/refuse-job-token.js";
import { lanes } from "../support/cli.js";
import { makeRepo } from "../support/git.js";

describe("a stack and the Actions job's token", () => {
  it("tells the job's token from an App's installation token and a personal token", () => {
    const job = { GITHUB_ACTIONS: "true", GITHUB_TOKEN: "ghs_job" };
    expect(isJobToken(job)).toBe(true);
    expect(isJobToken({ ...job, APP_ID: "42", PRIVATE_KEY: "key" })).toBe(false);
    expect(isJobToken({ ...job, GITHUB_TOKEN: "github_pat_long" })).toBe(false);
    expect(isJobToken({ GITHUB_TOKEN: "ghs_job" })).toBe(false);
  });

  it("lanes stack up refuses the job's GITHUB_TOKEN with the reason and what to use instead", async () => {
    const repo = await makeRepo();
    try {
      await repo.commit("Seed", { "README.md": "# x\n" });
      const result = await lanes(
        ["stack", "up", "--repo", repo.dir, "--agent", "script", "--name", "refused"],
        {
          env: {
            GITHUB_ACTIONS: "true",
            GITHUB_TOKEN: "ghs_job",
            APP_ID: "",
            PRIVATE_KEY: "",
            LANES_HOME: repo.dir,
          },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("refusing to start a stack with this job's GITHUB_TOKEN");
      expect(result.stderr).toContain("secrets.LANES_TOKEN");
    } finally {
      await repo.remove();
    }
  });
});
