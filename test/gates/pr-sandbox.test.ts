// End to end against the local GitHub sandbox: `lanes gate --pr N` finds the lane's PRP issue from the PR
// body's "Closes #n", parses it, takes as evidence the tests the PR body names (added by the lane, passed in
// the validation run) and a maintainer's `/lanes accept` comment, sees the closed dependency as merged, and
// publishes on the PR's head from a detached checkout, as on a CI runner.
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubPort, type GitHubPort } from "../../src/github/index.js";
import { silentLogger } from "../../src/observe/logger.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";
import { installationToken } from "../sandbox/app-token.js";

const prpBody = (dependency: number) => `---
role: developer
paths: [src/**, test/**]
depends_on: [${dependency}]
validation:
  - test -f src/greet.ts
  - node --test test/greet.test.mjs
---
# Greeting

## Success Criteria
- [ ] greet returns a greeting for a name
- [ ] the greeting is shown in the banner
`;

const GREET = "export function greet(name: string): string {\n  return `Hello, ${name}!`;\n}\n";
const GREET_TEST = [
  'import { test } from "node:test";',
  'import assert from "node:assert/strict";',
  'test("greet says hello to a name", () => assert.match("Hello, Ada!", /Hello, Ada/));',
  "",
].join("\n");

interface CheckRunJson {
  name: string;
  head_sha: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null };
}
interface Report {
  conclusion: string;
  published?: { repo: string; sha: string };
  gates: { gate: string; conclusion: string; title: string; summary: string; checkRunId?: number }[];
}

describe("lanes gate --pr against the sandbox", () => {
  let sandbox: Sandbox;
  let clone: TestRepo;
  let port: GitHubPort;
  /** PRPs are written by people: the admin (write access), or a reader whose PRPs need approval. */
  let admin: GitHubPort;
  let reader: GitHubPort;
  let env: Record<string, string>;
  let fullName: string;
  const repo = () => ({ owner: fullName.split("/")[0] ?? "", repo: fullName.split("/")[1] ?? "" });

  beforeEach(async () => {
    sandbox = await startSandbox();
    clone = await makeRepo();
    const info = sandbox.info();
    fullName = info.repos[0]?.full_name ?? "";
    const token = await installationToken(sandbox);
    env = { GITHUB_TOKEN: token, GITHUB_API_URL: info.api_url };
    port = createGitHubPort({
      auth: { type: "token", token },
      baseUrl: info.api_url,
      log: silentLogger(),
      pacing: "none",
    });
    const userPort = (login: string) =>
      createGitHubPort({
        auth: { type: "token", token: info.users.find((u) => u.login === login)?.token ?? "" },
        baseUrl: info.api_url,
        log: silentLogger(),
        pacing: "none",
      });
    admin = userPort("sandbox-admin");
    reader = userPort("sandbox-reader");
    await clone.git("remote", "add", "origin", info.repos[0]?.clone_url ?? "");
    await clone.git("fetch", "-q", "origin");
  });
  afterEach(async () => {
    await sandbox.close();
    await clone.remove();
  });

  /** Pushes a lane branch with the greeting and opens its PR; the clone is left on a detached HEAD. */
  async function openLanePr(branch: string, body: string): Promise<{ number: number; sha: string }> {
    await clone.git("checkout", "-q", "-b", branch, "origin/main");
    const sha = await clone.commit("Add the greeting", {
      "src/greet.ts": GREET,
      "test/greet.test.mjs": GREET_TEST,
    });
    await clone.git("push", "-q", "origin", "HEAD");
    await clone.git("checkout", "-q", "--detach", sha);
    const pull = await port.createPull(repo(), { title: "Greeting", head: branch, base: "main", body });
    return { number: pull.number, sha };
  }

  it("obeys the base's lanes.yml, so a lane cannot switch its own gates off on its branch", async () => {
    const prpIssue = await admin.createIssue(repo(), {
      title: "Greeting",
      body: prpBody(0).replace(/depends_on: \[0\]\n/, ""),
    });
    const branch = `lanes/developer/${prpIssue.number}-greeting`;
    await clone.git("checkout", "-q", "-b", branch, "origin/main");
    const sha = await clone.commit("Add the greeting", {
      "src/greet.ts":
        'export function greet(name: string): string {\n  throw new Error("not implemented");\n}\n',
      ".github/lanes.yml": 'gates:\n  placeholders:\n    mode: "off"\n',
    });
    await clone.git("push", "-q", "origin", "HEAD");
    await clone.git("checkout", "-q", "--detach", sha);
    const pull = await port.createPull(repo(), {
      title: "Greeting",
      head: branch,
      base: "main",
      body: `Closes #${prpIssue.number}`,
    });
    const result = await lanes(
      [
        "gate",
        "placeholders",
        "--pr",
        String(pull.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      gate: "lanes/placeholders",
      mode: "required",
      conclusion: "failure",
    });
    expect(result.code).toBe(1);
  });

  it("does not run the validation commands of a PRP written by someone without write access until it is approved", async () => {
    const prpIssue = await reader.createIssue(repo(), {
      title: "Greeting",
      body: "---\nrole: developer\nvalidation:\n  - touch PWNED\n---\n# Greeting\n\n## Success Criteria\n- [ ] greet returns a greeting\n",
    });
    const pr = await openLanePr(`lanes/developer/${prpIssue.number}-greeting`, `Closes #${prpIssue.number}`);
    const result = await lanes(
      [
        "gate",
        "validation",
        "--pr",
        String(pr.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    const report = JSON.parse(result.stdout) as { conclusion: string; title: string; summary: string };
    expect(report).toMatchObject({
      conclusion: "neutral",
      title: "Validation commands not run: the PRP is not approved",
    });
    expect(report.summary).toContain("written by @sandbox-reader, who has read access");
    await expect(readFile(join(clone.dir, "PWNED"))).rejects.toThrow();

    // Once the app accepted it (a lanes:* state label after /lanes approve), its commands run.
    await admin.addLabels(repo(), prpIssue.number, ["lanes:queued"]);
    const approved = await lanes(
      [
        "gate",
        "validation",
        "--pr",
        String(pr.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(JSON.parse(approved.stdout)).toMatchObject({ conclusion: "success" });
    await readFile(join(clone.dir, "PWNED"));
  });

  it("gates a lane PR on the PRP it closes: evidence rows, merged dependency, published on the PR head", async () => {
    const dependency = await port.createIssue(repo(), { title: "Names", body: "done elsewhere" });
    await port.updateIssue(repo(), dependency.number, { state: "closed" });
    const prpIssue = await admin.createIssue(repo(), {
      title: "Greeting",
      body: prpBody(dependency.number),
      labels: ["prp"],
    });
    const pr = await openLanePr(
      `lanes/developer/${prpIssue.number}-greeting`,
      `Closes #${prpIssue.number}\n\n- criterion 1: \`greet says hello to a name\`\n- [x] the greeting is shown in the banner\n`,
    );
    // The box the lane checked is no evidence; the maintainer accepts criterion 2, a reader's word counts for nothing.
    await admin.createComment(repo(), pr.number, "Seen it in the banner.\n\n/lanes accept 2");
    await reader.createComment(repo(), pr.number, "/lanes accept all");

    const result = await lanes(
      [
        "gate",
        "--all",
        "--pr",
        String(pr.number),
        "--publish",
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ conclusion: "success", published: { repo: fullName, sha: pr.sha } });
    expect(result.code).toBe(0);

    const api = (path: string) =>
      fetch(`${env.GITHUB_API_URL}/repos/${fullName}${path}`, {
        headers: { authorization: `token ${env.GITHUB_TOKEN}` },
      }).then((r) => r.json());
    const runs = await Promise.all(
      report.gates.map((g) => api(`/check-runs/${g.checkRunId ?? 0}`) as Promise<CheckRunJson>),
    );
    const byName = Object.fromEntries(runs.map((r) => [r.name, r]));
    expect(Object.fromEntries(runs.map((r) => [r.name, r.conclusion]))).toEqual({
      "lanes/prp": "success",
      "lanes/placeholders": "success",
      "lanes/lane": "success",
      "lanes/commits": "success",
      "lanes/validation": "success",
      "lanes/integration": "success",
    });
    for (const run of runs) expect(run.head_sha).toBe(pr.sha);
    // One criterion proven by the lane's passing test, the other accepted by the maintainer.
    expect(byName["lanes/prp"]?.output.title).toBe("2/2 criteria have evidence (100 %, needs 80 %)");
    expect(byName["lanes/prp"]?.output.summary).toContain(
      "| ✅ | 1. greet returns a greeting for a name | `greet says hello to a name` | passed | test/greet.test.mjs:3; TAP from `node --test test/greet.test.mjs` |",
    );
    expect(byName["lanes/prp"]?.output.summary).toMatch(
      /\| ✅ \| 2\. the greeting is shown in the banner \| — \| accepted \| accepted by @sandbox-admin \(comment \d+\) \|/,
    );
    expect(byName["lanes/integration"]?.output.summary).toContain(
      `Dependencies merged: #${dependency.number}.`,
    );
    expect(byName["lanes/validation"]?.output.summary).toContain("`test -f src/greet.ts`");
    // The branch came from the PR (the checkout is detached) and names the PRP's issue.
    expect(byName["lanes/lane"]?.output.summary).toContain(
      `Branch \`lanes/developer/${prpIssue.number}-greeting\`; PRP role \`developer\``,
    );
  });

  it("counts a maintainer's approving review that names the criteria, and not a reader's approval", async () => {
    const prpIssue = await admin.createIssue(repo(), {
      title: "Greeting",
      body: prpBody(0).replace(/depends_on: \[0\]\n/, ""),
    });
    const pr = await openLanePr(`lanes/developer/${prpIssue.number}-greeting`, `Closes #${prpIssue.number}`);
    const info = sandbox.info();
    const review = (login: string, event: string, body: string) =>
      fetch(`${info.api_url}/repos/${fullName}/pulls/${pr.number}/reviews`, {
        method: "POST",
        headers: {
          authorization: `token ${info.users.find((u) => u.login === login)?.token ?? ""}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ event, body }),
      }).then((r) => r.status);
    const gatePrp = async () => {
      const result = await lanes(
        ["gate", "prp", "--pr", String(pr.number), "--github-repo", fullName, "--dir", clone.dir].concat([
          "--base",
          "origin/main",
          "--json",
        ]),
        { env },
      );
      return JSON.parse(result.stdout) as { conclusion: string; title: string; summary: string };
    };

    expect(await review("sandbox-reader", "APPROVE", "All criteria met.")).toBe(200);
    expect(await gatePrp()).toMatchObject({ conclusion: "failure" });

    expect(await review("sandbox-admin", "APPROVE", "Tried it: criteria 1 and 2 hold.")).toBe(200);
    const accepted = await gatePrp();
    expect(accepted).toMatchObject({ conclusion: "success" });
    expect(accepted.summary).toMatch(
      /\| ✅ \| 2\. the greeting is shown in the banner \| — \| accepted \| accepted by @sandbox-admin \(review \d+\) \|/,
    );
    // Two CLI runs against the sandbox: more than the default time on a loaded machine.
  }, 60_000);

  it("fails lanes/integration while the dependency's issue is still open", async () => {
    const dependency = await port.createIssue(repo(), { title: "Names", body: "in progress" });
    const prpIssue = await port.createIssue(repo(), { title: "Greeting", body: prpBody(dependency.number) });
    const pr = await openLanePr(
      `lanes/developer/${prpIssue.number}-greeting`,
      `Fixes ${fullName}#${prpIssue.number}`,
    );
    const result = await lanes(
      [
        "gate",
        "integration",
        "--pr",
        String(pr.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      conclusion: "failure",
      title: "1 dependency(ies) open",
      summary: expect.stringContaining(`Dependencies not merged yet: #${dependency.number}.`),
    });
  });

  it("reports neutral with how to link a PRP when the PR links none", async () => {
    const pr = await openLanePr("feature/greeting", "A greeting, see #1.\n\n- [x] shown in the banner");
    const result = await lanes(
      [
        "gate",
        "prp",
        "--pr",
        String(pr.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const report = JSON.parse(result.stdout) as Report["gates"][number];
    expect(report).toMatchObject({ conclusion: "neutral", title: "No PRP linked to the PR" });
    expect(report.summary).toContain("`Closes #<issue>` in the PR body");

    // --prp overrides what the PR links; the maintainer's acceptance still counts.
    await admin.createComment(repo(), pr.number, "/lanes accept 1");
    const prpFile = join(clone.dir, "..", `${basename(clone.dir)}-prp.md`);
    await writeFile(prpFile, "# Greeting\n\n## Success Criteria\n- [ ] shown in the banner\n");
    const overridden = await lanes(
      [
        "gate",
        "prp",
        "--pr",
        String(pr.number),
        "--prp",
        prpFile,
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    await rm(prpFile);
    expect(JSON.parse(overridden.stdout)).toMatchObject({
      conclusion: "success",
      title: "1/1 criteria have evidence (100 %, needs 80 %)",
      summary: expect.stringContaining("accepted by @sandbox-admin"),
    });
  });

  it("fails lanes/prp with the parse errors when the linked issue's PRP does not parse", async () => {
    const prpIssue = await port.createIssue(repo(), {
      title: "Greeting",
      body: "---\nrole: astronaut\n---\n# Greeting\n",
    });
    const pr = await openLanePr(
      `lanes/developer/${prpIssue.number}-greeting`,
      `resolves #${prpIssue.number}`,
    );
    const result = await lanes(
      [
        "gate",
        "prp",
        "--pr",
        String(pr.number),
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
        "--json",
      ],
      { env },
    );
    expect(result).toMatchObject({ code: 1, stderr: "" });
    const report = JSON.parse(result.stdout) as Report["gates"][number];
    expect(report).toMatchObject({
      conclusion: "failure",
      title: `The PRP in #${prpIssue.number} does not parse (1 error)`,
    });
    expect(report.summary).toContain("- line 2: `role`: ");
  });

  it("exits 2 when the PR's head is not checked out in --dir, so results never land on the wrong commit", async () => {
    const pr = await openLanePr("lanes/developer/1-greeting", "Closes #1");
    await clone.git("checkout", "-q", "--detach", "origin/main");
    const result = await lanes(
      [
        "gate",
        "--all",
        "--pr",
        String(pr.number),
        "--publish",
        "--github-repo",
        fullName,
        "--dir",
        clone.dir,
        "--base",
        "origin/main",
      ],
      { env },
    );
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        `the head of PR #${pr.number} ${pr.sha} is not the commit checked out in ${clone.dir}`,
      ),
    });
  });

  it("exits 2 when --pr has no --github-repo or is not a number, and 1 when the PR does not exist", async () => {
    expect(await lanes(["gate", "prp", "--pr", "3", "--dir", clone.dir], { env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--pr needs --github-repo owner/repo"),
    });
    expect(
      await lanes(["gate", "prp", "--pr", "three", "--github-repo", fullName, "--dir", clone.dir], { env }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--pr expects a pull request number (e.g. --pr 12); got "three"'),
    });
    const missing = await lanes(
      ["gate", "prp", "--pr", "999", "--github-repo", fullName, "--dir", clone.dir],
      { env },
    );
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("GitHub getPull failed with HTTP 404"),
    });
  });
});
