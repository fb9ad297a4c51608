// `lanes integrate`: orders the given lane branches, merges them with merge-tree onto the base,
// validates the result and writes lanes/integration/<date>. `--dry-run` prints the plan and writes nothing.
import type { Command } from "commander";
import { z } from "zod";
import { UsageError } from "../../errors.js";
import { applyIntegration, type IntegrationResult } from "../../integrate/apply-integration.js";
import { laneFromBranch } from "../../integrate/lane.js";
import { isoDate, planIntegration, type IntegrationPlan } from "../../integrate/plan-integration.js";
import { action, emit, type CliContext } from "../context.js";

const OptionsSchema = z.object({
  repo: z.string().optional(),
  base: z.string().min(1),
  branches: z.string(),
  validate: z.array(z.string().min(1)).default([]),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").optional(),
  validateTimeout: z.coerce.number().positive().optional(),
});

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerIntegrate(program: Command, ctx: CliContext): void {
  program
    .command("integrate")
    .description("merge finished lanes in dependency order with git merge-tree, validate, and write lanes/integration/<date>")
    .option("--repo <dir>", "the repository (default: the current directory)")
    .option("--base <ref>", "the branch the lanes are integrated onto", "main")
    .requiredOption("--branches <a,b,c>", "the lane branches to integrate, comma-separated")
    .option("--validate <command>", "a validation command run on the combined result (repeatable)", collect)
    .option("--validate-timeout <seconds>", "time limit per validation command (default 600)")
    .option("--date <yyyy-mm-dd>", "the date in the integration branch name (default: today, UTC)")
    .option("--dry-run", "print the plan (order, overlaps, predicted conflicts) and write nothing")
    .option("--json", "print the plan or result as JSON")
    .action(
      action(ctx, async (raw: unknown) => {
        const parsed = OptionsSchema.safeParse(raw);
        if (!parsed.success) throw new UsageError(`invalid option: ${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`);
        const opts = parsed.data;
        const branches = [...new Set(opts.branches.split(",").map((b) => b.trim()).filter((b) => b.length > 0))];
        if (branches.length === 0) throw new UsageError("--branches needs at least one branch name, e.g. --branches lanes/developer/12-api");
        const repo = { dir: opts.repo ?? ctx.cwd, env: ctx.env };
        const plan = await planIntegration(repo, {
          base: opts.base,
          lanes: branches.map(laneFromBranch),
          date: opts.date ?? isoDate(new Date()),
          validate: opts.validate,
        });
        if (opts.dryRun) {
          const value = dryRunView(plan);
          emit(ctx, value, { json: opts.json, human: renderPlan });
          return value.predictedConflicts.length === 0 && value.skipped.every((s) => s.kind === "already-merged") ? 0 : 1;
        }
        const result = await applyIntegration(plan, {
          log: ctx.log,
          env: ctx.env,
          validationTimeoutMs: opts.validateTimeout === undefined ? undefined : opts.validateTimeout * 1000,
        });
        emit(ctx, result, { json: opts.json, human: renderResult });
        return result.ok ? 0 : 1;
      }),
    );
}

function dryRunView(plan: IntegrationPlan) {
  return {
    dryRun: true,
    base: plan.base,
    baseCommit: plan.baseCommit,
    branch: plan.branch,
    order: plan.order.map((l) => l.branch),
    skipped: plan.skipped,
    overlaps: plan.overlaps,
    predictedConflicts: plan.predictedConflicts,
    validate: plan.validate,
  };
}

function renderPlan(view: ReturnType<typeof dryRunView>): string {
  const lines = [`plan: ${view.order.length} lanes onto ${view.base} → ${view.branch} (dry run, nothing written)`];
  view.order.forEach((b, i) => lines.push(`  ${i + 1}. ${b}`));
  for (const s of view.skipped) lines.push(`skip     ${s.branch}: ${s.reason}`);
  for (const o of view.overlaps) {
    const conflict = view.predictedConflicts.find((c) => c.a === o.a && c.b === o.b);
    lines.push(`${conflict ? "CONFLICT" : "overlap "} ${o.a} ↔ ${o.b}: ${(conflict ?? o).files.join(", ")}`);
  }
  return lines.join("\n");
}

function renderResult(result: IntegrationResult): string {
  const lines = [
    result.branch ? `${result.branch} → ${result.commit.slice(0, 12)} (${result.merged.length} merged onto ${result.base})` : `no integration branch written (${result.merged.length} merged)`,
  ];
  for (const b of result.merged) lines.push(`merged   ${b}`);
  for (const c of result.conflicts) lines.push(`CONFLICT ${c.branch} with ${c.with.join(", ")}: ${c.files.join(", ")}`);
  for (const c of result.culprits) lines.push(`CULPRIT  ${c.branch}: ${c.reason}`);
  for (const s of result.skipped) lines.push(`skipped  ${s.branch}: ${s.reason}`);
  for (const v of result.validation) lines.push(`${v.ok ? "passed" : "FAILED"}   ${v.command}`);
  if (result.baseFailsValidation) lines.push(`validation fails on ${result.base} itself; fix the base first`);
  return lines.join("\n");
}
