// Plan sizing: picks the team for a template and a plan. Core roles first, then optional ones by
// priority, never a role without the roles it depends on; an explicit role list overrides the template.
// Pure: returns a plan value, starts nothing.
import { TeamPlanError } from "./errors.js";
import type { Model } from "./models.js";
import { PLAN_MAX_AGENTS, type Plan } from "./plans.js";
import type { RoleName } from "../domain/role-names.js";
import { ROLES } from "./roles.js";
import { dependenciesOf, type TeamTemplate } from "./templates.js";

export interface TeamPlanInput {
  template: TeamTemplate;
  plan: Plan;
  /** Explicit roles (`--roles`, or `team.roles` in config): replaces the template's choice. */
  requested?: readonly RoleName[] | undefined;
  /** Roles switched off in config (`roles.<name>.enabled: false`); ignored for explicitly requested roles. */
  disabled?: readonly RoleName[] | undefined;
  /** Per-role model overrides from config. */
  models?: Partial<Record<RoleName, Model>> | undefined;
}

export type RoleSource = "core" | "optional" | "requested" | "dependency";

export interface PlannedRole {
  role: RoleName;
  model: Model;
  source: RoleSource;
  branchPrefix: string;
}

export interface DroppedRole {
  role: RoleName;
  reason: string;
}

export interface TeamPlan {
  template: string;
  plan: Plan;
  maxAgents: number | null;
  size: number;
  roles: PlannedRole[];
  dropped: DroppedRole[];
}

export function planTeam(input: TeamPlanInput): TeamPlan {
  const chosen = new Map<RoleName, RoleSource>();
  const dropped: DroppedRole[] = [];
  const maxAgents = PLAN_MAX_AGENTS[input.plan];
  if (input.requested !== undefined) planRequested(input, input.requested, chosen, dropped, maxAgents);
  else planFromTemplate(input, chosen, dropped, maxAgents);
  const roles = [...chosen].map(([role, source]) => ({
    role,
    model: input.models?.[role] ?? ROLES[role].model,
    source,
    branchPrefix: ROLES[role].branchPrefix,
  }));
  return { template: input.template.name, plan: input.plan, maxAgents, size: roles.length, roles, dropped };
}

function planFromTemplate(
  input: TeamPlanInput,
  chosen: Map<RoleName, RoleSource>,
  dropped: DroppedRole[],
  max: number | null,
): void {
  const { template, plan } = input;
  const offered = new Set<RoleName>([...template.core, ...template.optional]);
  const disabled = new Set(input.disabled ?? []);
  const candidates: [RoleName, RoleSource][] = [
    ...template.core.map((role): [RoleName, RoleSource] => [role, "core"]),
    ...template.optional.map((role): [RoleName, RoleSource] => [role, "optional"]),
  ];
  for (const [role, source] of candidates) {
    if (chosen.has(role) || dropped.some((d) => d.role === role)) continue;
    if (disabled.has(role)) {
      dropped.push({ role, reason: `disabled in config (roles.${role}.enabled: false)` });
      continue;
    }
    const needed = missingDependencies(template, role, chosen);
    const unavailable = needed.find((dep) => !offered.has(dep) || disabled.has(dep));
    if (unavailable !== undefined) {
      const why = disabled.has(unavailable)
        ? "which is disabled in config"
        : `which the ${template.name} template does not include`;
      dropped.push({ role, reason: `needs ${unavailable}, ${why}` });
      continue;
    }
    if (max !== null && chosen.size + needed.length + 1 > max) {
      const left = max - chosen.size;
      const reason =
        needed.length === 0
          ? `plan ${plan} allows ${max} agents`
          : `needs ${needed.join(", ")} as well, and plan ${plan} has ${left} of ${max} places left`;
      dropped.push({ role, reason });
      continue;
    }
    for (const dep of needed) chosen.set(dep, "dependency");
    chosen.set(role, source);
  }
}

function planRequested(
  input: TeamPlanInput,
  requested: readonly RoleName[],
  chosen: Map<RoleName, RoleSource>,
  dropped: DroppedRole[],
  max: number | null,
): void {
  const added: string[] = [];
  for (const role of requested) {
    if (chosen.has(role)) continue;
    for (const dep of missingDependencies(input.template, role, chosen)) {
      chosen.set(dep, "dependency");
      added.push(`${dep} (needed by ${role})`);
    }
    chosen.set(role, "requested");
  }
  if (max !== null && chosen.size > max) {
    const extra = added.length > 0 ? `, including ${added.join(", ")}` : "";
    throw new TeamPlanError(
      `plan ${input.plan} allows ${max} agents but the requested team has ${chosen.size}: ${[...chosen.keys()].join(", ")}${extra}; ` +
        "ask for fewer roles or choose a larger plan",
    );
  }
  for (const role of [...input.template.core, ...input.template.optional]) {
    if (!chosen.has(role)) dropped.push({ role, reason: "not among the requested roles" });
  }
}

/** The dependencies of `role` not yet chosen, transitively, each before the roles that need it. */
function missingDependencies(
  template: TeamTemplate,
  role: RoleName,
  chosen: ReadonlyMap<RoleName, RoleSource>,
): RoleName[] {
  const order: RoleName[] = [];
  const visiting = new Set<RoleName>([role]);
  const visit = (current: RoleName): void => {
    for (const dep of dependenciesOf(template, current)) {
      if (chosen.has(dep) || order.includes(dep) || visiting.has(dep)) continue;
      visiting.add(dep);
      visit(dep);
      order.push(dep);
    }
  };
  visit(role);
  return order;
}
