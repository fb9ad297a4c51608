import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ResolvedTeam } from "../../src/config/index.js";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const dirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.remove()));
});

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir("lanes-cli-team");
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir.path, path)), { recursive: true });
    writeFileSync(join(dir.path, path), text);
  }
  return dir.path;
}

const webApp = { "package.json": JSON.stringify({ dependencies: { react: "^19", express: "^5" } }) };

describe("lanes team plan", () => {
  it("prints the detected type with evidence, template, plan, roles with models, and dropped roles", async () => {
    const dir = await repo(webApp);
    const result = await lanes(["team", "plan", "--dir", dir, "--plan", "pro"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("project type: web_application (confidence 1.00)");
    expect(result.stdout).toContain(
      "web_application +3: package.json depends on react, express (package.json)",
    );
    expect(result.stdout).toContain("template: web_application (detected)");
    expect(result.stdout).toContain("plan: pro (up to 3 agents)");
    expect(result.stdout).toMatch(
      /roles \(3\):\n {2}orchestrator +opus +core +lanes\/orchestrator\/\n {2}developer +sonnet +core/,
    );
    expect(result.stdout).toMatch(/dropped \(7\):\n {2}testrunner +plan pro allows 3 agents/);
  });

  it("prints the same plan as JSON with --json", async () => {
    const dir = await repo({ "infra/main.tf": "" });
    const result = await lanes(["team", "plan", "--dir", dir, "--json"]);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as ResolvedTeam;
    expect(plan).toMatchObject({
      template: "infrastructure_as_code",
      templateSource: "detected",
      plan: "max5x",
      maxAgents: 5,
      size: 5,
    });
    expect(plan.detection.type).toBe("infrastructure_as_code");
    expect(plan.roles.map((r) => r.role)).toEqual([
      "orchestrator",
      "devops",
      "sysadmin",
      "securityops",
      "networkops",
    ]);
  });

  it("uses the current directory and its .github/lanes.yml", async () => {
    const cwd = await repo({
      ...webApp,
      ".github/lanes.yml": "team:\n  plan: max20x\nroles:\n  developer:\n    model: opus\n",
    });
    const plan = JSON.parse((await lanes(["team", "plan", "--json"], { cwd })).stdout) as ResolvedTeam;
    expect(plan.plan).toBe("max20x");
    expect(plan.size).toBe(8);
    expect(plan.roles.find((r) => r.role === "developer")?.model).toBe("opus");
  });

  it("honours --template and --roles", async () => {
    const dir = await repo(webApp);
    const plan = JSON.parse(
      (
        await lanes([
          "team",
          "plan",
          "--dir",
          dir,
          "--template",
          "data_pipeline",
          "--roles",
          "developer,databaseops",
          "--json",
        ])
      ).stdout,
    ) as ResolvedTeam;
    expect(plan.template).toBe("data_pipeline");
    expect(plan.roles.map((r) => [r.role, r.source])).toEqual([
      ["developer", "requested"],
      ["databaseops", "requested"],
    ]);
  });

  it("exits 2 with the likely name for an unknown plan, template or role", async () => {
    const dir = await repo(webApp);
    expect(await lanes(["team", "plan", "--dir", dir, "--plan", "max"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown plan "max"') as unknown,
    });
    expect(await lanes(["team", "plan", "--dir", dir, "--template", "web_aplication"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'unknown template "web_aplication" (did you mean "web_application"?)',
      ) as unknown,
    });
    expect(await lanes(["team", "plan", "--dir", dir, "--roles", "developr"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('(did you mean "developer"?)') as unknown,
    });
  });

  it("exits 2 when --roles asks for more agents than the plan allows", async () => {
    const result = await lanes([
      "team",
      "plan",
      "--plan",
      "pro",
      "--roles",
      "developer,tester,pm,devops",
      "--dir",
      await repo(webApp),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "lanes: plan pro allows 3 agents but the requested team has 4: developer, tester, pm, devops; ask for fewer roles or choose a larger plan\n",
    );
  });

  it("exits 1 with every config problem when the repository's lanes.yml is invalid", async () => {
    const cwd = await repo({ ".github/lanes.yml": "team:\n  paln: pro\n" });
    const result = await lanes(["team", "plan"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '.github/lanes.yml:2: team.paln: unknown key "paln"; did you mean "plan"?',
    );
  });

  it("exits 1 when --dir is not a directory", async () => {
    const result = await lanes(["team", "plan", "--dir", "/nonexistent/lanes"]);
    expect(result).toMatchObject({ code: 1, stderr: "lanes: --dir /nonexistent/lanes: not a directory\n" });
  });
});
