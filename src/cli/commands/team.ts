// `lanes team plan`: detects the project type of a directory and plans the team for it (template,
// plan, roles with models, roles left out and why). Plans only: starts nothing.
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import {
  DEFAULT_CONFIG_FILE,
  describePlanLimit,
  detectProjectDir,
  readConfigFile,
  resolveTeam,
  type ResolvedTeam,
} from "../../config/index.js";
import { InvalidInputError } from "../../errors.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { tableLines } from "../table.js";

interface TeamPlanOptions {
  dir?: string;
  plan?: string;
  template?: string;
  roles?: string;
  json?: boolean;
}

export async function planTeamForDir(ctx: CliDeps, opts: TeamPlanOptions): Promise<ResolvedTeam> {
  const dir = resolve(ctx.cwd, opts.dir ?? ".");
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory())
    throw new InvalidInputError(`--dir ${opts.dir ?? dir}: not a directory`, { context: { dir } });
  const { config } = await readConfigFile(join(dir, DEFAULT_CONFIG_FILE), {
    display: DEFAULT_CONFIG_FILE,
    required: false,
  });
  const detection = await detectProjectDir(dir);
  return resolveTeam({ detection, config, template: opts.template, plan: opts.plan, roles: opts.roles });
}

export function renderTeam(team: ResolvedTeam): string {
  const { detection } = team;
  const lines = [`project type: ${detection.type} (confidence ${detection.confidence.toFixed(2)})`];
  for (const item of detection.evidence)
    lines.push(`  ${item.type} +${item.weight}: ${item.what} (${item.files.join(", ")})`);
  if (detection.evidence.length === 0) lines.push("  no evidence found");
  lines.push(
    `template: ${team.template} (${team.templateSource})`,
    `plan: ${team.plan} (${describePlanLimit(team.plan)})`,
  );
  lines.push(`roles (${team.size}):`);
  // Kept and dropped roles line up on the role column.
  const roleWidth = Math.max(0, ...[...team.roles, ...team.dropped].map((r) => r.role.length));
  const table = { indent: "  ", gap: 1, minWidths: [roleWidth] };
  lines.push(
    ...tableLines(
      team.roles.map((r) => [r.role, r.model, r.source, r.branchPrefix]),
      table,
    ),
  );
  if (team.dropped.length > 0) lines.push(`dropped (${team.dropped.length}):`);
  lines.push(
    ...tableLines(
      team.dropped.map((d) => [d.role, d.reason]),
      table,
    ),
  );
  return lines.join("\n");
}

export function registerTeam(program: Command, ctx: CliDeps): void {
  const team = program.command("team").description("plan the team of agents for a repository");
  team
    .command("plan")
    .description("detect the project type and choose roles for the plan (starts nothing)")
    .option("--dir <dir>", "the repository to look at (default: the current directory)")
    .option("--plan <plan>", "pro, max5x, max20x or console (default: team.plan in config, else max5x)")
    .option(
      "--template <template>",
      "web_application, system_deployment, data_pipeline, infrastructure_as_code or auto",
    )
    .option("--roles <roles>", "exact roles, comma-separated (their dependencies are added)")
    .option("--json", "print the plan as JSON")
    .action(
      action(ctx, async (opts: TeamPlanOptions) => {
        const plan = await planTeamForDir(ctx, opts);
        emit(ctx, plan, { json: opts.json, human: renderTeam });
        return 0;
      }),
    );
}
