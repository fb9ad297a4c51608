import { describe, expect, it } from "vitest";
import {
  PLAN_MAX_AGENTS,
  ROLES,
  ROLE_NAMES,
  TEMPLATES,
  TEMPLATE_NAMES,
  dependenciesOf,
  rolesInIntegrationOrder,
} from "../../src/config/index.js";

describe("roles", () => {
  it("defines all fifteen roles with a brief, a model, a lanes/<role>/ branch prefix and an integration order", () => {
    expect(Object.keys(ROLES)).toEqual([...ROLE_NAMES]);
    for (const name of ROLE_NAMES) {
      const role = ROLES[name];
      expect(role.name).toBe(name);
      expect(role.branchPrefix).toBe(`lanes/${name}/`);
      expect(role.brief.length, name).toBeGreaterThan(200);
      expect(["opus", "sonnet", "haiku"]).toContain(role.model);
      expect(Number.isInteger(role.integrationOrder)).toBe(true);
    }
    expect(new Set(ROLE_NAMES.map((n) => ROLES[n].integrationOrder)).size).toBe(15);
  });

  it("runs the orchestrator on opus and the mechanical roles on haiku", () => {
    expect(ROLES.orchestrator.model).toBe("opus");
    expect(ROLES.testrunner.model).toBe("haiku");
    expect(ROLES.developer.model).toBe("sonnet");
  });

  it("integrates infrastructure before application code before tests", () => {
    const order = rolesInIntegrationOrder();
    expect(order.indexOf("sysadmin")).toBeLessThan(order.indexOf("devops"));
    expect(order.indexOf("devops")).toBeLessThan(order.indexOf("developer"));
    expect(order.indexOf("developer")).toBeLessThan(order.indexOf("tester"));
  });

  it("makes the operations roles depend on sysadmin, as seed 004 does", () => {
    for (const role of ["monitoringops", "securityops", "databaseops", "networkops"] as const) {
      expect(ROLES[role].dependsOn).toEqual(["sysadmin"]);
    }
  });
});

describe("team templates", () => {
  it("has the four templates, each with core and optional roles that do not overlap", () => {
    expect(Object.keys(TEMPLATES)).toEqual([...TEMPLATE_NAMES]);
    for (const name of TEMPLATE_NAMES) {
      const { core, optional } = TEMPLATES[name];
      expect(core[0], name).toBe("orchestrator");
      expect(
        core.filter((r) => optional.includes(r)),
        name,
      ).toEqual([]);
      expect(new Set([...core, ...optional]).size, name).toBe(core.length + optional.length);
    }
  });

  it("keeps the seed's core teams", () => {
    expect(TEMPLATES.web_application.core).toEqual(["orchestrator", "developer", "tester", "testrunner"]);
    expect(TEMPLATES.system_deployment.core).toEqual(["orchestrator", "sysadmin", "devops", "securityops"]);
    expect(TEMPLATES.data_pipeline.core).toEqual(["orchestrator", "developer", "databaseops", "devops"]);
    expect(TEMPLATES.infrastructure_as_code.core).toEqual([
      "orchestrator",
      "devops",
      "sysadmin",
      "securityops",
    ]);
  });

  it("lists every dependency of a template's roles inside the template, and core roles only depend on core roles", () => {
    for (const name of TEMPLATE_NAMES) {
      const template = TEMPLATES[name];
      const offered = [...template.core, ...template.optional];
      for (const role of offered) {
        for (const dep of dependenciesOf(template, role))
          expect(offered, `${name}: ${role} needs ${dep}`).toContain(dep);
      }
      for (const role of template.core) {
        for (const dep of dependenciesOf(template, role))
          expect(template.core, `${name}: ${role} needs ${dep}`).toContain(dep);
      }
    }
  });

  it("offers at least ten roles per template, so a console plan deploys 10+ agents", () => {
    expect(PLAN_MAX_AGENTS.console).toBeNull();
    for (const name of TEMPLATE_NAMES) {
      expect(TEMPLATES[name].core.length + TEMPLATES[name].optional.length, name).toBeGreaterThanOrEqual(10);
    }
  });
});
