import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { makeRepo, type TestRepo } from "../support/git.js";

let repo: TestRepo | undefined;
afterEach(async () => repo?.remove());

async function lane(files: Record<string, string>): Promise<TestRepo> {
  const made = await makeRepo();
  await made.commit("Seed the project", { "README.md": "# x\n" });
  await made.git("checkout", "-q", "-b", "lanes/developer/7-rate-limit");
  await made.commit("Add the limiter", files);
  return made;
}

const MARKDOWN_PRP = `---
role: developer
validation:
  - exit 4
---
# Rate limiting

## Success Criteria
- [ ] requests are limited
`;

describe("lanes gate", () => {
  it("exits 0 and prints the summary when the gate passes", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    const result = await lanes(["gate", "placeholders", "--dir", repo.dir]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("lanes/placeholders (required): success — No placeholders");
  });

  it("exits 1 and prints the JSON result with annotations when the gate fails", async () => {
    repo = await lane({ "src/a.ts": "export function a(): void {}\n" });
    const result = await lanes(["gate", "placeholders", "--dir", repo.dir, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ gate: "lanes/placeholders", mode: "required", conclusion: "failure" });
    expect(report.annotations).toEqual([
      expect.objectContaining({ path: "src/a.ts", startLine: 1, title: "Empty function body" }),
    ]);
  });

  it("reads a markdown PRP and runs its validation commands", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    await writeFile(join(repo.dir, "prp.md"), MARKDOWN_PRP);
    const result = await lanes(["gate", "validation", "--dir", repo.dir, "--prp", "prp.md"], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("❌ exit 4");
  });

  it("reads the PRP from `lanes prp parse --json` output", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    await writeFile(join(repo.dir, "prp.md"), MARKDOWN_PRP);
    const parsed = await lanes(["prp", "parse", "prp.md", "--json"], { cwd: repo.dir });
    await writeFile(join(repo.dir, "prp.json"), parsed.stdout);
    const result = await lanes(["gate", "validation", "--dir", repo.dir, "--prp", "prp.json", "--json"], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary).toContain("❌ exit 4");
  });

  it("exits 1 with every error of an invalid markdown PRP as file:line: field: message", async () => {
    repo = await lane({ "src/a.ts": "x\n" });
    const fixture = join(import.meta.dirname, "../fixtures/prp/invalid.md");
    const result = await lanes(["gate", "prp", "--dir", repo.dir, "--prp", fixture]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`the PRP ${fixture} has 6 error(s)`);
    expect(result.stderr).toContain(`${fixture}:2: role: expected one of the roles`);
    expect(result.stderr).toContain(
      `${fixture}:9: timeout_minutes: expected a whole number of minutes from 1 to 10080, got "forever"`,
    );
  });

  it("exits 0 for a failing optional gate, which reports neutral", async () => {
    repo = await lane({ "src/a.ts": "x\n" });
    await repo.git("branch", "-m", "feature/x");
    const result = await lanes(["gate", "lane", "--dir", repo.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("lanes/lane (optional): neutral");
  });

  it("exits 2 for an unknown gate and lists the valid ones", async () => {
    const result = await lanes(["gate", "nope", "--dir", "."]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'unknown gate "nope"; valid gates: prp, placeholders, lane, commits, validation, integration',
    );
  });

  it("exits 1 with a clear message for a missing base or an invalid PRP file", async () => {
    repo = await lane({ "src/a.ts": "x\n" });
    const noBase = await lanes(["gate", "commits", "--dir", repo.dir, "--base", "trunk"]);
    expect(noBase.code).toBe(1);
    expect(noBase.stderr).toMatch(/lanes: git rev-parse --verify trunk\^\{commit\} failed/);
    const badPrp = join(repo.dir, "prp.json");
    await writeFile(badPrp, JSON.stringify({ title: 3 }));
    const invalid = await lanes(["gate", "prp", "--dir", repo.dir, "--prp", badPrp]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("is not the output of `lanes prp parse FILE --json`: ok: Invalid input");
    const missing = await lanes(["gate", "prp", "--dir", repo.dir, "--prp", "nowhere.md"], { cwd: repo.dir });
    expect(missing).toMatchObject({
      code: 1,
      stderr: "lanes: cannot read the PRP file nowhere.md: it does not exist or is not readable\n",
    });
  });
});

describe("lanes gate with the lane's .github/lanes.yml", () => {
  it("honours a gate turned off and rejects an invalid config", async () => {
    repo = await lane({
      "src/a.ts": "export function a(): void {}\n",
      ".github/lanes.yml": "gates:\n  placeholders: { mode: off }\n",
    });
    const off = await lanes(["gate", "placeholders", "--dir", repo.dir, "--json"]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ mode: "off", conclusion: "skipped" });
    await writeFile(join(repo.dir, ".github/lanes.yml"), "gates:\n  placeholders: { mood: off }\n");
    const bad = await lanes(["gate", "placeholders", "--dir", repo.dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("mood");
  });
});

describe("lanes gate --all", () => {
  it("runs every gate that is not off, prints one table, and exits 1 when a required gate fails", async () => {
    repo = await lane({
      "src/a.ts": "export function a(): void {}\n",
      ".github/lanes.yml": "gates:\n  commits: { mode: off }\n",
    });
    const table = await lanes(["gate", "--all", "--dir", repo.dir]);
    expect(table.code).toBe(1);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/^gate\s+mode\s+conclusion\s+annotations\s+title$/);
    expect(lines.find((l) => l.startsWith("lanes/placeholders"))).toMatch(
      /^lanes\/placeholders\s+required\s+failure\s+1\s+/,
    );
    expect(table.stdout).not.toContain("lanes/commits");
    expect(table.stdout).toContain("A required gate failed.");

    const json = JSON.parse((await lanes(["gate", "--all", "--dir", repo.dir, "--json"])).stdout);
    expect(json.conclusion).toBe("failure");
    expect(json.gates.map((g: { gate: string }) => g.gate)).toEqual([
      "lanes/prp",
      "lanes/placeholders",
      "lanes/lane",
      "lanes/validation",
      "lanes/integration",
    ]);
  });

  it("exits 0 when only an optional gate fails", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    await repo.git("branch", "-m", "feature/x");
    const result = await lanes(["gate", "--all", "--dir", repo.dir, "--branch", "feature/x", "--json"]);
    const report = JSON.parse(result.stdout);
    expect(report.gates.find((g: { gate: string }) => g.gate === "lanes/lane")).toMatchObject({
      mode: "optional",
      conclusion: "neutral",
    });
    expect(report.conclusion).toBe("success");
    expect(result.code).toBe(0);
  });

  it("refuses a gate name together with --all, and neither", async () => {
    expect(await lanes(["gate", "prp", "--all"])).toMatchObject({
      code: 2,
      stderr: 'lanes: give a gate name or --all, not both (got "prp" and --all)\n',
    });
    expect(await lanes(["gate"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("name a gate (prp, placeholders"),
    });
  });
});

describe("lanes gate --publish without what it needs", () => {
  it("exits 2 without a token, without --github-repo, or with a --sha other than HEAD", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    const noToken = await lanes(["gate", "--all", "--publish", "--github-repo", "o/r", "--dir", repo.dir], {
      env: { GITHUB_TOKEN: "" },
    });
    expect(noToken).toMatchObject({ code: 2, stdout: "" });
    expect(noToken.stderr).toContain("lanes gate --publish needs a GitHub token in GITHUB_TOKEN");
    expect(noToken.stderr).toContain("to write check runs (--publish)");
    const env = { GITHUB_TOKEN: "t", GITHUB_API_URL: "http://127.0.0.1:9" };
    const noRepo = await lanes(["gate", "--all", "--publish", "--dir", repo.dir], { env });
    expect(noRepo).toMatchObject({ code: 2, stderr: "lanes: --publish needs --github-repo owner/repo\n" });
    const parent = await repo.git("rev-parse", "HEAD~1");
    const wrongSha = await lanes(
      ["gate", "--all", "--publish", "--github-repo", "o/r", "--sha", parent, "--dir", repo.dir],
      { env },
    );
    expect(wrongSha.code).toBe(2);
    expect(wrongSha.stderr).toContain(`--sha ${parent} is not the commit checked out in ${repo.dir}`);
  });
});

describe("lanes gate --pr without what it needs", () => {
  it("exits 2 for a PR that is not a number, without --github-repo, or without a token", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    const env = { GITHUB_TOKEN: "t", GITHUB_API_URL: "http://127.0.0.1:9" };
    for (const bad of ["0", "-3", "1.5", "12abc", "0x10", "1e2"]) {
      const result = await lanes(["gate", "prp", "--pr", bad, "--github-repo", "o/r", "--dir", repo.dir], {
        env,
      });
      expect(result).toMatchObject({
        code: 2,
        stderr: `lanes: --pr expects a pull request number (e.g. --pr 12); got "${bad}"\n`,
      });
    }
    const noRepo = await lanes(["gate", "prp", "--pr", "3", "--dir", repo.dir], { env });
    expect(noRepo).toMatchObject({ code: 2, stderr: "lanes: --pr needs --github-repo owner/repo\n" });
    const noToken = await lanes(["gate", "prp", "--pr", "3", "--github-repo", "o/r", "--dir", repo.dir], {
      env: { GITHUB_TOKEN: "" },
    });
    expect(noToken).toMatchObject({ code: 2, stdout: "" });
    expect(noToken.stderr).toContain(
      "lanes gate --pr needs a GitHub token in GITHUB_TOKEN, to read the pull request and its linked issues (--pr)",
    );
  });
});
