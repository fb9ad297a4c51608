// Team templates: which roles a project type needs (core) and may use (optional, in priority order),
// and the role dependencies that differ from the roles' defaults. From seed 004's team_templates.
import * as z from "zod";
import { ROLES } from "./roles.js";
import type { RoleName } from "../domain/role-names.js";

export const TEMPLATE_NAMES = [
  "web_application",
  "system_deployment",
  "data_pipeline",
  "infrastructure_as_code",
] as const;
export const TemplateNameSchema = z.enum(TEMPLATE_NAMES);
export type TemplateName = z.infer<typeof TemplateNameSchema>;

export interface TeamTemplate {
  name: string;
  description: string;
  /** Deployed first, in this order. */
  core: readonly RoleName[];
  /** Added while the plan has room, most useful first. */
  optional: readonly RoleName[];
  /** Per-role dependencies for this kind of project; roles not listed use `ROLES[role].dependsOn`. */
  dependencies: Partial<Record<RoleName, readonly RoleName[]>>;
}

export const TEMPLATES: Record<TemplateName, TeamTemplate> = {
  web_application: {
    name: "web_application",
    description: "an application with a web frontend and/or an HTTP API",
    core: ["orchestrator", "developer", "tester", "testrunner"],
    optional: ["pm", "devops", "researcher", "documentation_writer", "integrator", "logtracker"],
    dependencies: {},
  },
  system_deployment: {
    name: "system_deployment",
    description: "installing and running services on hosts: containers, systemd units, playbooks",
    core: ["orchestrator", "sysadmin", "devops", "securityops"],
    optional: ["networkops", "monitoringops", "databaseops", "pm", "logtracker", "documentation_writer"],
    dependencies: {},
  },
  data_pipeline: {
    name: "data_pipeline",
    description: "ETL, orchestration DAGs, transformations and the data stores behind them",
    core: ["orchestrator", "developer", "databaseops", "devops"],
    optional: ["tester", "monitoringops", "researcher", "pm", "testrunner", "documentation_writer"],
    // Here databaseops owns schemas and migrations, not servers, and monitoring watches the deployed
    // pipelines: neither needs a sysadmin.
    dependencies: { databaseops: [], monitoringops: ["devops"] },
  },
  infrastructure_as_code: {
    name: "infrastructure_as_code",
    description: "cloud infrastructure described as code: Terraform, Pulumi, CloudFormation",
    core: ["orchestrator", "devops", "sysadmin", "securityops"],
    optional: ["networkops", "monitoringops", "pm", "tester", "researcher", "documentation_writer"],
    dependencies: {},
  },
};

/** The roles `role` needs on the team when deployed with `template`. */
export function dependenciesOf(template: TeamTemplate, role: RoleName): readonly RoleName[] {
  return template.dependencies[role] ?? ROLES[role].dependsOn;
}
