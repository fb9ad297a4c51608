// Decides the team for a repository: template from the flag, else config, else the detected project
// type (web_application when nothing is detected); plan and roles from flags over config. Pure.
import { closestWord } from "../text/closest-word.js";
import type { Detection } from "./detect-project-type.js";
import { TeamPlanError } from "./errors.js";
import type { Model } from "./models.js";
import { planTeam, type TeamPlan } from "./plan-team.js";
import { PLANS } from "./plans.js";
import { ROLE_NAMES, type RoleName } from "../domain/role-names.js";
import type { LanesConfig } from "./schema.js";
import { TEMPLATES, TEMPLATE_NAMES, type TemplateName } from "./templates.js";

export interface TeamRequest {
  detection: Detection;
  config: LanesConfig;
  /** Raw flag values, validated here: `--template`, `--plan`, `--roles a,b`. */
  template?: string | undefined;
  plan?: string | undefined;
  roles?: string | undefined;
}

export type TemplateSource = "flag" | "config" | "detected" | "fallback";

export interface ResolvedTeam extends TeamPlan {
  detection: Detection;
  templateSource: TemplateSource;
}

export const FALLBACK_TEMPLATE: TemplateName = "web_application";

export function resolveTeam(request: TeamRequest): ResolvedTeam {
  const { config, detection } = request;
  const flagTemplate =
    request.template === undefined
      ? undefined
      : pick("template", request.template, ["auto", ...TEMPLATE_NAMES]);
  const [template, templateSource] = chooseTemplate(flagTemplate, config.team.template, detection);
  const plan = request.plan === undefined ? config.team.plan : pick("plan", request.plan, PLANS);
  const requested = request.roles === undefined ? config.team.roles : parseRoles(request.roles);
  const disabled = ROLE_NAMES.filter((role) => config.roles[role]?.enabled === false);
  const models: Partial<Record<RoleName, Model>> = {};
  for (const role of ROLE_NAMES) {
    const model = config.roles[role]?.model;
    if (model !== undefined) models[role] = model;
  }
  const team = planTeam({ template: TEMPLATES[template], plan, requested, disabled, models });
  return { ...team, detection, templateSource };
}

function chooseTemplate(
  flag: string | undefined,
  configured: string,
  detection: Detection,
): [TemplateName, TemplateSource] {
  if (flag !== undefined && flag !== "auto") return [flag as TemplateName, "flag"];
  if (flag === undefined && configured !== "auto") return [configured as TemplateName, "config"];
  if (detection.type !== "generic") return [detection.type, "detected"];
  return [FALLBACK_TEMPLATE, "fallback"];
}

function parseRoles(text: string): RoleName[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0)
    throw new TeamPlanError(
      `--roles is empty: expected role names separated by commas, e.g. developer,tester`,
    );
  return names.map((name) => pick("role", name, ROLE_NAMES));
}

function pick<T extends string>(what: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const guess = closestWord(value, allowed);
  const hint = guess === undefined ? "" : ` (did you mean "${guess}"?)`;
  throw new TeamPlanError(`unknown ${what} "${value}"${hint}: expected one of ${allowed.join(", ")}`);
}
