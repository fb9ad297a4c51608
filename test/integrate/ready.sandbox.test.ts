// `lanes integrate --ready` against the local GitHub sandbox: it takes exactly the open lane PRs whose
// required lanes/* check runs succeeded on their head commit; a neutral gate (nothing it could check) keeps
// its lane waiting, a held lane (`lanes-hold`) is never taken, and the output says why.
import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { installationToken } from "../sandbox/app-token.js";
import { lanes } from "../support/cli.js";
import { gitEnv, makeRepo, type TestRepo } from "../support/git.js";

/** Only lanes/prp and lanes/validation are required here, so two check runs decide each lane. */
const CONFIG =
  "gates:\n  placeholders: { mode: off }\n  lane: { mode: off }\n  commits: { mode: off }\n  integration: { mode: off }\n";

describe("lanes integrate --ready (sandbox)", () => {
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

  it("integrates the lanes whose required gates succeeded and lists the others with the reason", async () => {
    const info = sandbox.info();
    const admin = info.users.find((u) => u.login === "sandbox-admin");
    const fullName = info.repos[0]?.full_name ?? "";
    const [owner = "", repo = ""] = fullName.split("/");
    const user = new Octokit({ auth: admin?.token, baseUrl: info.api_url });
    const app = new Octokit({ auth: await installationToken(sandbox), baseUrl: info.api_url });
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
    await clone.git("checkout", "-q", "-b", "main", "origin/main");
    await clone.commit("configure the gates", { ".github/lanes.yml": CONFIG });
    await clone.git("push", "-q", "origin", "main");
    const lane = async (
      branch: string,
      file: string,
      gates: Record<string, "success" | "neutral" | "failure">,
    ) => {
      await clone.git("checkout", "-q", "-b", branch, "main");
      const sha = await clone.commit(`work on ${branch}`, { [file]: `${branch}\n` });
      await clone.git("push", "-q", "origin", branch);
      await clone.git("checkout", "-q", "main");
      await user.rest.pulls.create({ owner, repo, head: branch, base: "main", title: branch });
      for (const [name, conclusion] of Object.entries(gates))
        await app.rest.checks.create({ owner, repo, name, head_sha: sha, status: "completed", conclusion });
    };
    await lane("lanes/developer/1-api", "api.ts", { "lanes/prp": "success", "lanes/validation": "success" });
    await lane("lanes/developer/2-empty", "notes.md", {
      "lanes/prp": "neutral",
      "lanes/validation": "neutral",
    });
    await lane("lanes/tester/3-tests", "t.ts", { "lanes/prp": "failure", "lanes/validation": "success" });
    await lane("lanes/tester/4-later", "u.ts", { "lanes/prp": "success" });
    // ready by its gates, but held with `/lanes hold` (the lanes-hold label on its PR)
    await lane("lanes/developer/5-held", "h.ts", { "lanes/prp": "success", "lanes/validation": "success" });
    await user.rest.issues.createLabel({ owner, repo, name: "lanes-hold", color: "e99695" });
    await user.rest.issues.addLabels({ owner, repo, issue_number: 5, labels: ["lanes-hold"] });

    const env = { ...gitEnv, GITHUB_TOKEN: admin?.token ?? "", GITHUB_API_URL: info.api_url };
    const run = await lanes(
      [
        "integrate",
        "--repo",
        clone.dir,
        "--date",
        "2026-03-14",
        "--json",
        "--ready",
        "--github-repo",
        fullName,
      ],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.merged).toEqual(["lanes/developer/1-api"]);
    const waiting = new Map(out.waiting.map((w: { branch: string; reason: string }) => [w.branch, w.reason]));
    expect(waiting.get("lanes/developer/2-empty")).toMatch(/lanes\/prp is neutral.*person's acceptance/);
    expect(waiting.get("lanes/tester/3-tests")).toBe("lanes/prp failure");
    expect(waiting.get("lanes/tester/4-later")).toMatch(/lanes\/validation has not run on [0-9a-f]{12}/);
    expect(waiting.get("lanes/developer/5-held")).toMatch(/^held \(`lanes-hold`/);
    // five lanes of pushes, PRs and check runs, then a CLI process: slow on a loaded machine
  }, 120_000);
});
