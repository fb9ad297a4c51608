import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, loadConfig, type ConfigIssue } from "../../src/config/index.js";
import { InvalidInputError } from "../../src/errors.js";

const fixture = (name: string): string => readFileSync(`test/fixtures/config/${name}`, "utf8");

function issuesOf(text: string, file = "lanes.yml"): ConfigIssue[] {
  try {
    loadConfig(text, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error("expected the config to be rejected");
}

describe("loadConfig defaults", () => {
  it("turns an empty file into the complete default config", () => {
    const config = loadConfig("");
    expect(config).toEqual(defaultConfig());
    expect(config.team).toEqual({ template: "auto", plan: "max5x" });
    expect(config.gates.prp).toEqual({ mode: "required", threshold: 0.8 });
    expect(config.gates.placeholders).toEqual({ mode: "required" });
    expect(config.gates.commits).toEqual({ mode: "optional", max_subject_length: 72 });
    expect(config.gates.integration).toEqual({ mode: "required" });
    expect(config.retry).toEqual({ attempts: 3 });
    expect(config.commit_cadence_minutes).toBe(30);
    expect(config.branches.pattern).toBe("lanes/{role}/{issue}-{slug}");
    expect(config.organisation_context).toBe("");
  });

  it("orders integration infrastructure first, then code, then tests, then docs by default", () => {
    const order = defaultConfig().integration.order;
    expect(order).toHaveLength(15);
    expect(order.indexOf("sysadmin")).toBeLessThan(order.indexOf("developer"));
    expect(order.indexOf("developer")).toBeLessThan(order.indexOf("tester"));
    expect(order.indexOf("tester")).toBeLessThan(order.indexOf("documentation_writer"));
  });

  it("treats a file of comments only as empty", () => {
    expect(loadConfig(fixture("comments-only.yml"))).toEqual(defaultConfig());
  });

  it("fills the unset fields of a partly written section with their defaults", () => {
    const config = loadConfig("gates:\n  prp:\n    threshold: 0.5\nretry:\n  attempts: 5\n");
    expect(config.gates.prp).toEqual({ mode: "required", threshold: 0.5 });
    expect(config.gates.validation).toEqual({ mode: "required", timeout_minutes: 30 });
    expect(config.retry).toEqual({ attempts: 5 });
  });

  it("reads every setting of a complete file", () => {
    const config = loadConfig(fixture("full.yml"));
    expect(config.team).toEqual({ template: "system_deployment", plan: "max20x" });
    expect(config.roles.developer).toEqual({ model: "opus", enabled: true });
    expect(config.roles.researcher).toEqual({ enabled: false });
    expect(config.gates.placeholders.mode).toBe("off");
    expect(config.gates.commits.max_subject_length).toBe(60);
    expect(config.gates.lane.max_foreign_files).toBe(2);
    expect(config.integration).toEqual({
      order: ["databaseops", "developer", "tester"],
      validation: ["npm ci", "npm test"],
    });
    expect(config.retry.attempts).toBe(4);
    expect(config.organisation_context).toContain("Never commit secrets");
    expect(config.worktree_root).toBe("/srv/lanes/worktrees");
    expect(config.commit_cadence_minutes).toBe(20);
  });
});

describe("loadConfig failures", () => {
  it("names each misspelt key, its line and the key that was meant", () => {
    expect(issuesOf(fixture("typos.yml"))).toEqual([
      { path: "team.tempalte", line: 2, message: 'unknown key "tempalte"; did you mean "template"?' },
      { path: "gates.prp.treshold", line: 6, message: 'unknown key "treshold"; did you mean "threshold"?' },
      { path: "roles.develper", line: 8, message: 'unknown key "develper"; did you mean "developer"?' },
      { path: "integraton", line: 10, message: 'unknown key "integraton"; did you mean "integration"?' },
    ]);
  });

  it("suggests the role a misspelt value was meant to be, as it does for a misspelt key", () => {
    const [issue] = issuesOf("default_role: develper\n");
    expect(issue).toMatchObject({ path: "default_role", line: 1 });
    expect(issue?.message).toMatch(/, got "develper"; did you mean "developer"\?$/);
  });

  it("lists the accepted keys when an unknown key resembles none of them", () => {
    const [issue] = issuesOf("gates:\n  coverage_report: {}\n");
    expect(issue).toEqual({
      path: "gates.coverage_report",
      line: 2,
      message:
        'unknown key "coverage_report"; expected one of: prp, placeholders, lane, commits, validation, integration',
    });
  });

  it("reports wrong types, bad enum values and out-of-range numbers with path, line and what was expected", () => {
    const issues = issuesOf(fixture("wrong-types.yml"));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath["team.plan"]).toEqual({
      path: "team.plan",
      line: 2,
      message: 'expected one of "pro", "max5x", "max20x", "console", got "max5"; did you mean "max5x"?',
    });
    expect(byPath["gates.prp.mode"]).toMatchObject({
      line: 5,
      message: 'expected one of "required", "optional", "off", got "mandatory"',
    });
    expect(byPath["gates.prp.threshold"]).toMatchObject({
      line: 6,
      message: 'expected a number, got "high"',
    });
    expect(byPath["gates.validation.timeout_minutes"]).toMatchObject({
      line: 8,
      message: "expected a number greater than 0, got 0",
    });
    expect(byPath["retry.attempts"]).toMatchObject({ line: 10, message: "expected an integer, got 2.5" });
    expect(byPath["integration.order[1]"]).toMatchObject({
      line: 12,
      message: expect.stringContaining('got "frontend"') as unknown,
    });
    expect(byPath["roles.tester.enabled"]).toMatchObject({
      line: 15,
      message: 'expected true or false, got "yes"',
    });
    expect(byPath["roles.tester.model"]).toMatchObject({
      line: 16,
      message: 'expected one of "opus", "sonnet", "haiku", got "gpt-4"',
    });
    expect(byPath["branches.pattern"]).toMatchObject({
      line: 18,
      message: expect.stringContaining("containing {issue}") as unknown,
    });
    expect(byPath.commit_cadence_minutes).toMatchObject({
      line: 19,
      message: 'expected a number, got "thirty"',
    });
    expect(issues.map((i) => i.line)).toEqual(
      [...issues.map((i) => i.line)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });

  it("rejects a threshold above 1 at the line that sets it", () => {
    expect(issuesOf("# gates\ngates:\n  prp:\n    mode: required\n    threshold: 1.5\n")).toEqual([
      { path: "gates.prp.threshold", line: 5, message: "expected a number at most 1, got 1.5" },
    ]);
  });

  it("rejects the same role twice in the integration order", () => {
    expect(issuesOf("integration:\n  order: [developer, tester, developer]\n")).toEqual([
      { path: "integration.order", line: 2, message: "expected each role at most once, got a list of 3" },
    ]);
  });

  it("rejects branch patterns with characters git does not allow in a ref", () => {
    const [issue] = issuesOf('branches:\n  pattern: "lanes/{role}/{issue} {slug}"\n');
    expect(issue).toMatchObject({ path: "branches.pattern", line: 2 });
    expect(issue?.message).toContain("expected only letters");
  });

  it("refuses the keys nothing reads, each with where the setting lives instead", () => {
    const issues = issuesOf(
      "retry:\n  backoff_seconds: [5]\nintegration:\n  schedule: '0 18 * * 1-5'\nredis:\n  url: redis://r:6379\nroles:\n  tester:\n    paths: [test/**]\n",
    );
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ["retry.backoff_seconds", 2],
      ["integration.schedule", 4],
      ["redis", 5],
      ["roles.tester.paths", 9],
    ]);
    expect(issues[0]?.message).toMatch(/^"backoff_seconds" is not read: the queue's backoff is fixed/);
    expect(issues[1]?.message).toContain(".github/workflows/lanes-integrate.yml");
    expect(issues[2]?.message).toContain("set REDIS_URL (or --redis)");
    expect(issues[3]?.message).toContain("PRP's `paths`");
  });

  it("reports a YAML syntax error with its line and column", () => {
    expect(issuesOf(fixture("syntax-error.yml"))).toEqual([
      {
        path: "",
        line: 4,
        column: 1,
        message:
          "YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
    ]);
  });

  it("refuses executable and custom tags instead of running them", () => {
    const [issue] = issuesOf(fixture("executable-tag.yml"));
    expect(issue).toMatchObject({ path: "", line: 2 });
    expect(issue?.message).toBe("YAML syntax error: Unresolved tag: tag:yaml.org,2002:js/function");
  });

  it("reports a duplicated key as a syntax error on the second occurrence", () => {
    expect(issuesOf("retry:\n  attempts: 2\n  attempts: 3\n")).toEqual([
      { path: "", line: 3, column: 3, message: "YAML syntax error: Map keys must be unique" },
    ]);
  });

  it("rejects a file whose top level is not a mapping", () => {
    expect(issuesOf(fixture("not-a-mapping.yml"))).toEqual([
      { path: "", line: 1, message: "expected a mapping of settings (key: value), got a list" },
    ]);
    expect(issuesOf("just words\n")[0]?.message).toBe(
      'expected a mapping of settings (key: value), got string "just words"',
    );
  });

  it("finds the line of a key in a JSON-style file", () => {
    expect(issuesOf('{\n  "team": {\n    "plan": "huge"\n  }\n}\n')).toEqual([
      {
        path: "team.plan",
        line: 3,
        message: 'expected one of "pro", "max5x", "max20x", "console", got "huge"',
      },
    ]);
  });

  it("throws a ConfigError that exits 1 and lists every problem as file:line: path: message", () => {
    let caught: unknown;
    try {
      loadConfig("retry:\n  attempts: 0\nbranches:\n  pattern: 'x/{issue}'\ncommit_cadence_minutes: 0\n", {
        file: ".github/lanes.yml",
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as ConfigError).file).toBe(".github/lanes.yml");
    expect((caught as Error).message).toBe(
      "invalid configuration .github/lanes.yml (2 problems):\n" +
        "  .github/lanes.yml:2: retry.attempts: expected a number at least 1, got 0\n" +
        "  .github/lanes.yml:5: commit_cadence_minutes: expected a number greater than 0, got 0",
    );
  });
});
