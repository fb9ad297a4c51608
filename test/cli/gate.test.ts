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
    expect(report.annotations).toEqual([expect.objectContaining({ path: "src/a.ts", start_line: 1, title: "Empty function body" })]);
  });

  it("reads the PRP from `lanes prp parse --json` output and runs its validation commands", async () => {
    repo = await lane({ "src/a.ts": "export const a = 1;\n" });
    const prpFile = join(repo.dir, "prp.json");
    await writeFile(prpFile, JSON.stringify({ ok: true, prp: { title: "Limit", role: "developer", validation: ["exit 4"], criteria: [] }, errors: [] }));
    const result = await lanes(["gate", "validation", "--dir", repo.dir, "--prp", prpFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("❌ exit 4");
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
    expect(result.stderr).toContain('unknown gate "nope"; valid gates: prp, placeholders, lane, commits, validation, integration');
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
    expect(invalid.stderr).toContain("title: Invalid input");
  });
});

describe("lanes gate with the lane's .github/lanes.yml", () => {
  it("honours a gate turned off and rejects an invalid config", async () => {
    repo = await lane({ "src/a.ts": "export function a(): void {}\n", ".github/lanes.yml": "gates:\n  placeholders: { mode: off }\n" });
    const off = await lanes(["gate", "placeholders", "--dir", repo.dir, "--json"]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ mode: "off", conclusion: "skipped" });
    await writeFile(join(repo.dir, ".github/lanes.yml"), "gates:\n  placeholders: { mood: off }\n");
    const bad = await lanes(["gate", "placeholders", "--dir", repo.dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("mood");
  });
});
