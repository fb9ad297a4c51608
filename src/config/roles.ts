// The fifteen roles: brief, default model, branch prefix, typical paths, dependencies, integration order.
// Pure data; config overrides (model, enabled, paths) are applied by the caller, never written back here.
import type { Model } from "./models.js";
import { ROLE_BRIEFS } from "./role-briefs.js";
import { ROLE_NAMES, type RoleName } from "../domain/role-names.js";

export interface RoleDefinition {
  name: RoleName;
  /** Markdown written into the agent's CLAUDE.md. */
  brief: string;
  model: Model;
  /** Lane branches start with this: `lanes/<role>/`. */
  branchPrefix: string;
  /** Globs the role usually owns; a PRP's own `paths` win. */
  paths: readonly string[];
  /** Roles that must be on the team for this one to work (a template may override). */
  dependsOn: readonly RoleName[];
  /** Smaller merges first: infrastructure, then application code (backend before frontend), then tests, then docs. */
  integrationOrder: number;
}

type RoleData = Omit<RoleDefinition, "name" | "brief" | "branchPrefix">;

const DATA: Record<RoleName, RoleData> = {
  orchestrator: {
    model: "opus",
    paths: ["docs/decisions/**", "project_management/**"],
    dependsOn: [],
    integrationOrder: 990,
  },
  pm: {
    model: "opus",
    paths: ["docs/status/**", "project_management/**"],
    dependsOn: [],
    integrationOrder: 980,
  },
  developer: {
    model: "sonnet",
    paths: ["src/**", "lib/**", "app/**", "packages/**"],
    dependsOn: [],
    integrationOrder: 500,
  },
  tester: {
    model: "sonnet",
    paths: ["test/**", "tests/**", "spec/**", "e2e/**", "**/*.test.*", "**/*.spec.*"],
    dependsOn: [],
    integrationOrder: 600,
  },
  testrunner: {
    model: "haiku",
    paths: [
      ".github/workflows/test*.yml",
      "test/support/**",
      "vitest.config.*",
      "jest.config.*",
      "pytest.ini",
    ],
    dependsOn: ["tester"],
    integrationOrder: 650,
  },
  researcher: {
    model: "opus",
    paths: ["research/**", "docs/research/**"],
    dependsOn: [],
    integrationOrder: 900,
  },
  devops: {
    model: "sonnet",
    paths: [
      ".github/workflows/**",
      "Dockerfile*",
      "docker-compose*.yml",
      "compose*.yml",
      "deploy/**",
      "k8s/**",
      "helm/**",
      "*.tf",
      "infra/**",
    ],
    dependsOn: [],
    integrationOrder: 300,
  },
  sysadmin: {
    model: "sonnet",
    paths: ["ansible/**", "playbooks/**", "systemd/**", "**/*.service", "**/*.timer", "scripts/**", "etc/**"],
    dependsOn: [],
    integrationOrder: 100,
  },
  securityops: {
    model: "sonnet",
    paths: [
      "security/**",
      "**/apparmor/**",
      "**/firewall/**",
      "**/fail2ban/**",
      ".github/workflows/*security*.yml",
      "SECURITY.md",
    ],
    dependsOn: ["sysadmin"],
    integrationOrder: 200,
  },
  networkops: {
    model: "sonnet",
    paths: ["nginx/**", "haproxy/**", "network/**", "dns/**", "**/*.conf"],
    dependsOn: ["sysadmin"],
    integrationOrder: 150,
  },
  monitoringops: {
    model: "sonnet",
    paths: ["monitoring/**", "prometheus/**", "grafana/**", "alerts/**", "dashboards/**", "runbooks/**"],
    dependsOn: ["sysadmin"],
    integrationOrder: 400,
  },
  databaseops: {
    model: "sonnet",
    paths: ["migrations/**", "db/**", "database/**", "sql/**", "**/*.sql"],
    dependsOn: ["sysadmin"],
    integrationOrder: 250,
  },
  documentation_writer: {
    model: "sonnet",
    paths: ["docs/**", "README.md", "*.md", "CHANGELOG.md"],
    dependsOn: [],
    integrationOrder: 800,
  },
  logtracker: {
    model: "haiku",
    paths: ["logging/**", "logs/**", "monitoring/logs/**"],
    dependsOn: [],
    integrationOrder: 450,
  },
  integrator: { model: "sonnet", paths: [], dependsOn: [], integrationOrder: 970 },
};

export const ROLES: Record<RoleName, RoleDefinition> = Object.fromEntries(
  ROLE_NAMES.map((name) => [
    name,
    { name, brief: ROLE_BRIEFS[name], branchPrefix: `lanes/${name}/`, ...DATA[name] },
  ]),
) as Record<RoleName, RoleDefinition>;

/** Every role, ordered for integration: lower `integrationOrder` merges first. */
export function rolesInIntegrationOrder(): RoleName[] {
  return [...ROLE_NAMES].sort((a, b) => ROLES[a].integrationOrder - ROLES[b].integrationOrder);
}
