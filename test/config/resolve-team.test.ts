import { describe, expect, it } from "vitest";
import {
  TeamPlanError,
  defaultConfig,
  detectProjectType,
  loadConfig,
  resolveTeam,
  type Detection,
} from "../../src/config/index.js";

const generic: Detection = detectProjectType({ paths: [], contents: {} });
const terraform: Detection = detectProjectType({ paths: ["main.tf"], contents: {} });

describe("resolveTeam", () => {
  it("uses the detected template when neither flag nor config names one", () => {
    const team = resolveTeam({ detection: terraform, config: defaultConfig() });
    expect(team).toMatchObject({
      template: "infrastructure_as_code",
      templateSource: "detected",
      plan: "max5x",
      size: 5,
    });
  });

  it("falls back to web_application when nothing is detected", () => {
    expect(resolveTeam({ detection: generic, config: defaultConfig() })).toMatchObject({
      template: "web_application",
      templateSource: "fallback",
    });
  });

  it("prefers the flag over config, and config over detection", () => {
    const config = loadConfig("team:\n  template: data_pipeline\n  plan: pro\n");
    expect(resolveTeam({ detection: terraform, config })).toMatchObject({
      template: "data_pipeline",
      templateSource: "config",
      plan: "pro",
    });
    expect(
      resolveTeam({ detection: terraform, config, template: "system_deployment", plan: "max20x" }),
    ).toMatchObject({
      template: "system_deployment",
      templateSource: "flag",
      plan: "max20x",
    });
    expect(resolveTeam({ detection: terraform, config, template: "auto" })).toMatchObject({
      template: "infrastructure_as_code",
      templateSource: "detected",
    });
  });

  it("applies per-role models and enabled flags from config", () => {
    const config = loadConfig("roles:\n  developer:\n    model: haiku\n  pm:\n    enabled: false\n");
    const team = resolveTeam({ detection: generic, config });
    expect(team.roles.find((r) => r.role === "developer")?.model).toBe("haiku");
    expect(team.roles.map((r) => r.role)).not.toContain("pm");
  });

  it("takes --roles over team.roles from config", () => {
    const config = loadConfig("team:\n  roles: [developer, tester]\n");
    expect(resolveTeam({ detection: generic, config }).roles.map((r) => r.role)).toEqual([
      "developer",
      "tester",
    ]);
    expect(
      resolveTeam({ detection: generic, config, roles: " devops , developer" }).roles.map((r) => r.role),
    ).toEqual(["devops", "developer"]);
  });

  it("rejects unknown plans, templates and roles with the likely name", () => {
    const config = defaultConfig();
    expect(() => resolveTeam({ detection: generic, config, plan: "max5" })).toThrow(
      'unknown plan "max5" (did you mean "max5x"?): expected one of pro, max5x, max20x, console',
    );
    expect(() => resolveTeam({ detection: generic, config, template: "webapp" })).toThrow(
      /unknown template "webapp": expected one of auto, web_application/,
    );
    expect(() => resolveTeam({ detection: generic, config, roles: "developer,testr" })).toThrow(
      TeamPlanError,
    );
    expect(() => resolveTeam({ detection: generic, config, roles: "developer,testr" })).toThrow(
      'unknown role "testr" (did you mean "tester"?)',
    );
    expect(() => resolveTeam({ detection: generic, config, roles: " , " })).toThrow("--roles is empty");
  });
});
