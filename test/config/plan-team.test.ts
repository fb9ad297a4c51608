import { describe, expect, it } from "vitest";
import {
  TEMPLATES,
  TeamPlanError,
  dependenciesOf,
  planTeam,
  type TeamTemplate,
} from "../../src/config/index.js";
import { UsageError } from "../../src/errors.js";

const roles = (plan: { roles: { role: string }[] }): string[] => plan.roles.map((r) => r.role);

describe("planTeam sizing", () => {
  it("gives a pro plan three agents: the first three core roles", () => {
    const plan = planTeam({ template: TEMPLATES.web_application, plan: "pro" });
    expect(roles(plan)).toEqual(["orchestrator", "developer", "tester"]);
    expect(plan).toMatchObject({ template: "web_application", plan: "pro", maxAgents: 3, size: 3 });
    expect(plan.dropped[0]).toEqual({ role: "testrunner", reason: "plan pro allows 3 agents" });
    expect(plan.dropped.map((d) => d.role)).toEqual(["testrunner", ...TEMPLATES.web_application.optional]);
  });

  it("gives max5x five agents: all core roles, then optional roles by priority", () => {
    const plan = planTeam({ template: TEMPLATES.web_application, plan: "max5x" });
    expect(roles(plan)).toEqual(["orchestrator", "developer", "tester", "testrunner", "pm"]);
    expect(plan.roles.map((r) => r.source)).toEqual(["core", "core", "core", "core", "optional"]);
  });

  it("gives max20x eight agents", () => {
    const plan = planTeam({ template: TEMPLATES.system_deployment, plan: "max20x" });
    expect(plan.size).toBe(8);
    expect(roles(plan)).toEqual([
      "orchestrator",
      "sysadmin",
      "devops",
      "securityops",
      "networkops",
      "monitoringops",
      "databaseops",
      "pm",
    ]);
  });

  it("gives console every role the template offers, ten or more", () => {
    for (const template of Object.values(TEMPLATES)) {
      const plan = planTeam({ template, plan: "console" });
      expect(plan.maxAgents).toBeNull();
      expect(plan.size).toBe(template.core.length + template.optional.length);
      expect(plan.size).toBeGreaterThanOrEqual(10);
      expect(plan.dropped).toEqual([]);
    }
  });

  it("uses each role's default model, or the model config sets for it, and its branch prefix", () => {
    const plan = planTeam({
      template: TEMPLATES.web_application,
      plan: "pro",
      models: { developer: "opus" },
    });
    expect(plan.roles).toEqual([
      { role: "orchestrator", model: "opus", source: "core", branchPrefix: "lanes/orchestrator/" },
      { role: "developer", model: "opus", source: "core", branchPrefix: "lanes/developer/" },
      { role: "tester", model: "sonnet", source: "core", branchPrefix: "lanes/tester/" },
    ]);
  });

  it("leaves out roles disabled in config and says so", () => {
    const plan = planTeam({ template: TEMPLATES.web_application, plan: "max5x", disabled: ["pm"] });
    expect(roles(plan)).toEqual(["orchestrator", "developer", "tester", "testrunner", "devops"]);
    expect(plan.dropped[0]).toEqual({ role: "pm", reason: "disabled in config (roles.pm.enabled: false)" });
  });
});

describe("planTeam dependencies", () => {
  const custom = (
    core: TeamTemplate["core"],
    optional: TeamTemplate["optional"],
    dependencies: TeamTemplate["dependencies"] = {},
  ): TeamTemplate => ({
    name: "custom",
    description: "test template",
    core,
    optional,
    dependencies,
  });

  it("brings a role's dependency in before it when both fit", () => {
    const plan = planTeam({ template: custom(["orchestrator", "securityops"], ["sysadmin"]), plan: "pro" });
    expect(plan.roles.map((r) => [r.role, r.source])).toEqual([
      ["orchestrator", "core"],
      ["sysadmin", "dependency"],
      ["securityops", "core"],
    ]);
    expect(plan.dropped).toEqual([]);
  });

  it("drops a role whose dependency does not fit, and keeps filling with roles that do", () => {
    const plan = planTeam({
      template: custom(["orchestrator", "developer"], ["securityops", "researcher", "sysadmin"]),
      plan: "pro",
    });
    expect(roles(plan)).toEqual(["orchestrator", "developer", "researcher"]);
    expect(plan.dropped).toEqual([
      { role: "securityops", reason: "needs sysadmin as well, and plan pro has 1 of 3 places left" },
      { role: "sysadmin", reason: "plan pro allows 3 agents" },
    ]);
  });

  it("never includes a role whose dependency is disabled or missing from the template", () => {
    const disabled = planTeam({
      template: TEMPLATES.system_deployment,
      plan: "console",
      disabled: ["sysadmin"],
    });
    expect(roles(disabled)).not.toContain("securityops");
    expect(disabled.dropped).toContainEqual({
      role: "securityops",
      reason: "needs sysadmin, which is disabled in config",
    });
    const missing = planTeam({ template: custom(["orchestrator"], ["networkops"]), plan: "console" });
    expect(roles(missing)).toEqual(["orchestrator"]);
    expect(missing.dropped).toEqual([
      { role: "networkops", reason: "needs sysadmin, which the custom template does not include" },
    ]);
  });

  it("follows dependencies transitively and uses the template's own dependency map", () => {
    const chain = custom(["orchestrator", "testrunner"], ["tester"], { tester: ["developer"] });
    expect(
      roles(planTeam({ template: { ...chain, optional: ["tester", "developer"] }, plan: "max5x" })),
    ).toEqual(["orchestrator", "developer", "tester", "testrunner"]);
    const dataPipeline = planTeam({ template: TEMPLATES.data_pipeline, plan: "max5x" });
    expect(roles(dataPipeline)).toEqual(["orchestrator", "developer", "databaseops", "devops", "tester"]);
  });

  it("keeps every chosen role's dependencies on the team for every template and plan", () => {
    for (const template of Object.values(TEMPLATES)) {
      for (const plan of ["pro", "max5x", "max20x", "console"] as const) {
        const team = planTeam({ template, plan });
        const chosen = roles(team);
        for (const role of team.roles) {
          for (const dep of dependenciesOf(template, role.role)) {
            expect(
              chosen.indexOf(dep),
              `${template.name}/${plan}: ${role.role} needs ${dep}`,
            ).toBeGreaterThanOrEqual(0);
            expect(chosen.indexOf(dep)).toBeLessThan(chosen.indexOf(role.role));
          }
        }
      }
    }
  });
});

describe("planTeam with explicit roles", () => {
  it("deploys exactly the requested roles, plus their dependencies", () => {
    const plan = planTeam({
      template: TEMPLATES.web_application,
      plan: "max5x",
      requested: ["developer", "securityops", "developer"],
    });
    expect(plan.roles.map((r) => [r.role, r.source])).toEqual([
      ["developer", "requested"],
      ["sysadmin", "dependency"],
      ["securityops", "requested"],
    ]);
    expect(plan.dropped).toContainEqual({ role: "orchestrator", reason: "not among the requested roles" });
  });

  it("honours a requested role even when config disables it", () => {
    const plan = planTeam({
      template: TEMPLATES.web_application,
      plan: "pro",
      requested: ["pm"],
      disabled: ["pm"],
    });
    expect(roles(plan)).toEqual(["pm"]);
  });

  it("refuses a requested team larger than the plan allows, naming the roles and the added dependencies", () => {
    const ask = () =>
      planTeam({
        template: TEMPLATES.web_application,
        plan: "pro",
        requested: ["developer", "tester", "networkops"],
      });
    expect(ask).toThrow(TeamPlanError);
    expect(ask).toThrow(UsageError);
    expect(ask).toThrow(
      "plan pro allows 3 agents but the requested team has 4: developer, tester, sysadmin, networkops, including sysadmin (needed by networkops); ask for fewer roles or choose a larger plan",
    );
  });
});
