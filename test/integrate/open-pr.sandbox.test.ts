// End to end against the local GitHub sandbox: lane branches pushed to the sandbox repo, `lanes integrate
// --open-pr` pushes the integration branch and opens its PR, a second run updates the same PR.
import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { lanes } from "../support/cli.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

describe("lanes integrate --open-pr (sandbox)", () => {
  let sandbox: Sandbox;
  let clone: TestRepo;
  beforeEach(async () => {
    sandbox = await startSandbox({ webhookUrl: null });
    clone = await makeRepo();
  });
  afterEach(async () => {
    await clone.remove();
    await sandbox.close();
  });

  it("pushes lanes/integration/<date> and opens a PR listing the merged and the conflicted lanes, then updates it", async () => {
    const info = sandbox.info();
    const admin = info.users.find((u) => u.login === "sandbox-admin");
    const fullName = info.repos[0]?.full_name ?? "";
    const [owner = "", repo = ""] = fullName.split("/");
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "main", "origin/main");
    const lane = async (branch: string, files: Record<string, string>) => {
      await clone.git("checkout", "-q", "-b", branch, "origin/main");
      await clone.commit(`work on ${branch}`, files);
      await clone.git("push", "-q", "origin", branch);
      await clone.git("checkout", "-q", "main");
    };
    await lane("lanes/developer/1-api", { "src/api.ts": "export const api = 1;\n" });
    await lane("lanes/tester/2-tests", { "test/api.test.ts": "test\n" });
    await lane("lanes/tester/3-fix", { "src/api.ts": "export const api = 3;\n" });

    const env = { ...gitEnv, GITHUB_TOKEN: admin?.token ?? "", GITHUB_API_URL: info.api_url };
    const args = [
      "integrate",
      "--repo",
      clone.dir,
      "--date",
      "2026-03-14",
      "--json",
      "--open-pr",
      "--github-repo",
      fullName,
      "--branches",
      "lanes/developer/1-api,lanes/tester/2-tests,lanes/tester/3-fix",
    ];
    const first = await lanes(args, { env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(1);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({
      merged: ["lanes/developer/1-api", "lanes/tester/2-tests"],
      conflicts: [{ branch: "lanes/tester/3-fix" }],
      pr: { created: true },
    });

    const user = new Octokit({ auth: admin?.token, baseUrl: info.api_url });
    const { data: pull } = await user.rest.pulls.get({ owner, repo, pull_number: out.pr.number });
    expect(pull).toMatchObject({
      state: "open",
      head: { ref: "lanes/integration/2026-03-14", sha: out.commit },
      base: { ref: "main" },
    });
    expect(pull.body).toContain("`lanes/developer/1-api`");
    expect(pull.body).toContain("`lanes/tester/2-tests`");
    expect(pull.body).toMatch(/Conflicted[\s\S]*lanes\/tester\/3-fix[\s\S]*src\/api\.ts/);
    await clone.git("fetch", "-q", "origin");
    expect(await clone.git("rev-parse", "origin/lanes/integration/2026-03-14")).toBe(out.commit);

    // A second run the same day without the conflicting lane rewrites the branch and updates the same PR,
    // also when it integrates onto the remote-tracking ref (origin/main is main on GitHub).
    const second = await lanes(
      [...args.slice(0, -1), "lanes/developer/1-api,lanes/tester/2-tests", "--base", "origin/main"],
      { env },
    );
    expect(second.code).toBe(0);
    const again = JSON.parse(second.stdout);
    expect(again.pr).toEqual({ number: out.pr.number, url: out.pr.url, created: false });
    // The same branch is rewritten only because its open PR is updated, and the output says what changed.
    expect(again.branch).toBe("lanes/integration/2026-03-14");
    expect(again.changedSince).toEqual({ commit: out.commit, added: [], dropped: [] });
    const { data: updated } = await user.rest.pulls.get({ owner, repo, pull_number: out.pr.number });
    expect(updated.body).not.toContain("lanes/tester/3-fix");
    expect((await user.rest.pulls.list({ owner, repo, state: "all" })).data).toHaveLength(1);
  });

  it("fails with the GitHub error when the token is refused, before pushing anything", async () => {
    const info = sandbox.info();
    const fullName = info.repos[0]?.full_name ?? "";
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "main", "origin/main");
    await clone.git("checkout", "-q", "-b", "lanes/developer/1-api");
    await clone.commit("api", { "api.ts": "api\n" });
    await clone.git("checkout", "-q", "main");
    const env = { ...gitEnv, GITHUB_TOKEN: "not-a-token", GITHUB_API_URL: info.api_url };
    const { code, stderr } = await lanes(
      [
        "integrate",
        "--repo",
        clone.dir,
        "--date",
        "2026-03-14",
        "--open-pr",
        "--github-repo",
        fullName,
        "--branches",
        "lanes/developer/1-api",
      ],
      { env },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/401|credentials|token/i);
    expect(await clone.git("ls-remote", "origin", "refs/heads/lanes/integration/*")).toBe("");
  });
});
