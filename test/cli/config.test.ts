import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const dirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.remove()));
});

async function workdir(): Promise<string> {
  const dir = await makeTempDir("lanes-cli-config");
  dirs.push(dir);
  return dir.path;
}

const FIXTURES = join(process.cwd(), "test/fixtures/config");

describe("lanes config check", () => {
  it("accepts a missing default .github/lanes.yml: the defaults apply", async () => {
    const result = await lanes(["config", "check"], { cwd: await workdir() });
    expect(result).toEqual({ code: 0, stdout: "ok: no .github/lanes.yml; the defaults apply\n", stderr: "" });
  });

  it("checks .github/lanes.yml in the current directory by default", async () => {
    const cwd = await workdir();
    mkdirSync(join(cwd, ".github"));
    cpSync(join(FIXTURES, "full.yml"), join(cwd, ".github/lanes.yml"));
    const result = await lanes(["config", "check"], { cwd });
    expect(result).toMatchObject({ code: 0, stdout: "ok: .github/lanes.yml is valid\n" });
  });

  it("prints every problem as file:line: key.path: message and exits 1", async () => {
    const result = await lanes(["config", "check", "test/fixtures/config/typos.yml"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'test/fixtures/config/typos.yml:2: team.tempalte: unknown key "tempalte"; did you mean "template"?',
        'test/fixtures/config/typos.yml:6: gates.prp.treshold: unknown key "treshold"; did you mean "threshold"?',
        'test/fixtures/config/typos.yml:8: roles.develper: unknown key "develper"; did you mean "developer"?',
        'test/fixtures/config/typos.yml:10: integraton: unknown key "integraton"; did you mean "integration"?',
        "",
      ].join("\n"),
    );
  });

  it("prints a YAML syntax error with line and column", async () => {
    const result = await lanes(["config", "check", join(FIXTURES, "syntax-error.yml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${join(FIXTURES, "syntax-error.yml")}:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
    );
  });

  it("prints {ok, config, errors} with --json", async () => {
    const valid = JSON.parse(
      (await lanes(["config", "check", "--json", join(FIXTURES, "full.yml")])).stdout,
    ) as Record<string, unknown>;
    expect(valid).toMatchObject({
      ok: true,
      errors: [],
      config: { team: { template: "system_deployment" }, commit_cadence_minutes: 20 },
    });
    const result = await lanes(["config", "check", "--json", join(FIXTURES, "wrong-types.yml")]);
    expect(result.code).toBe(1);
    const invalid = JSON.parse(result.stdout) as {
      ok: boolean;
      config: unknown;
      errors: { path: string; line: number; message: string }[];
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.config).toBeNull();
    expect(invalid.errors[0]).toEqual({
      path: "team.plan",
      line: 2,
      message: 'expected one of "pro", "max5x", "max20x", "console", got "max5"; did you mean "max5x"?',
    });
    expect(invalid.errors).toHaveLength(10);
  });

  it("fails with exit 1 and the path when an explicitly named file does not exist", async () => {
    const cwd = await workdir();
    const result = await lanes(["config", "check", "missing/lanes.yml"], { cwd });
    expect(result).toEqual({ code: 1, stdout: "missing/lanes.yml: file not found\n", stderr: "" });
    const json = await lanes(["config", "check", "--json", "missing/lanes.yml"], { cwd });
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      config: null,
      errors: [{ path: "", line: null, message: "file not found" }],
    });
  });

  it("fails with exit 1 when the named file is a directory", async () => {
    const cwd = await workdir();
    mkdirSync(join(cwd, "conf.yml"));
    expect(await lanes(["config", "check", "conf.yml"], { cwd })).toMatchObject({
      code: 1,
      stdout: "conf.yml: is a directory, expected a YAML file\n",
    });
  });

  it("treats an empty file as all defaults", async () => {
    const cwd = await workdir();
    writeFileSync(join(cwd, "empty.yml"), "");
    expect(await lanes(["config", "check", "empty.yml"], { cwd })).toMatchObject({
      code: 0,
      stdout: "ok: empty.yml is valid\n",
    });
  });

  it("exits 2 on unknown options", async () => {
    const result = await lanes(["config", "check", "--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });
});
