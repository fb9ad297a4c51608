// Configuration: `.github/lanes.yml`, roles, team templates, project-type detection and plan sizing.
export { ConfigError, TeamPlanError, formatConfigIssue, type ConfigIssue } from "./errors.js";
export { detectProjectDir } from "./detect-project-dir.js";
export { detectProjectType, type Detection, type Evidence, type ProjectType } from "./detect-project-type.js";
export { DETECTION_RULES, wantsContent, type ProjectFiles } from "./detection-rules.js";
export { DEFAULT_CONFIG_FILE, defaultConfig, loadConfig, type LoadConfigOptions } from "./load-config.js";
export { MODELS, ModelSchema, type Model } from "./models.js";
export {
  planTeam,
  type DroppedRole,
  type PlannedRole,
  type RoleSource,
  type TeamPlan,
  type TeamPlanInput,
} from "./plan-team.js";
export { PLANS, PLAN_MAX_AGENTS, PlanSchema, describePlanLimit, type Plan } from "./plans.js";
export { readConfigFile, type ConfigFile, type ReadConfigOptions } from "./read-config-file.js";
export { readProjectFiles, type ReadProjectOptions } from "./read-project-files.js";
export {
  FALLBACK_TEMPLATE,
  resolveTeam,
  type ResolvedTeam,
  type TeamRequest,
  type TemplateSource,
} from "./resolve-team.js";
export { ROLE_BRIEFS } from "./role-briefs.js";
export { ROLE_NAMES, RoleNameSchema, isRoleName, type RoleName } from "../domain/role-names.js";
export { ROLES, rolesInIntegrationOrder, type RoleDefinition } from "./roles.js";
export {
  GateModeSchema,
  LanesConfigSchema,
  type GateMode,
  type LanesConfig,
  type LanesConfigInput,
  type RoleConfig,
} from "./schema.js";
export {
  TEMPLATES,
  TEMPLATE_NAMES,
  TemplateNameSchema,
  dependenciesOf,
  type TeamTemplate,
  type TemplateName,
} from "./templates.js";
export { describeConfig, type ConfigKey } from "./describe-config.js";
export { renderConfigReference } from "./render-config-reference.js";
export { renderConfigTemplate } from "./render-config-template.js";
export { RETIRED_KEYS } from "./retired-keys.js";
export { DurationSchema, durationMs, type AlertWebhook, type Owners, type Sla } from "./team-schema.js";
