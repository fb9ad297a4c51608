// `lanes init [--dir D] [--dry-run] [--force]`: installs Lanes on a repository. Prints the plan first,
// then writes .github/lanes.yml and the workflows; an existing file that differs is kept unless --force.
import { resolve } from "node:path";
import type { Command } from "commander";
import { applyInit, initNextSteps, planInit, type InitPlan } from "../../install/index.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { renderTable } from "../table.js";
import { readVersion } from "../version.js";

interface InitReport {
  plan: Omit<InitPlan, "files"> & { files: { path: string; action: string; what: string }[] };
  dryRun: boolean;
  written: string[];
  nextSteps: string[];
}

const SAYS: Record<string, string> = {
  create: "create",
  unchanged: "unchanged",
  keep: "keep (differs; --force replaces it)",
  overwrite: "overwrite",
};

function render(report: InitReport): string {
  const { plan } = report;
  const toolchains = plan.toolchains.length > 0 ? plan.toolchains.join(", ") : "none detected";
  const rows = plan.files.map((f) => [SAYS[f.action] ?? f.action, f.path, f.what]);
  const done = report.dryRun
    ? "dry run: nothing written"
    : report.written.length > 0
      ? `wrote ${report.written.length} file${report.written.length === 1 ? "" : "s"}`
      : "nothing to write";
  return [
    `project type: ${plan.projectType}; toolchain: ${toolchains}; action: ${plan.action}`,
    renderTable(rows, { gap: 2 }),
    done,
    "",
    "Then:",
    ...report.nextSteps.map((step, i) => `  ${i + 1}. ${step}`),
  ].join("\n");
}

export function registerInit(program: Command, ctx: CliDeps): void {
  program
    .command("init")
    .description("install Lanes on a repository: .github/lanes.yml and the lanes-* workflows")
    .option("--dir <dir>", "the repository's root (default: the current directory)")
    .option("--dry-run", "print the plan and write nothing")
    .option("--force", "overwrite files that exist and differ")
    .option("--json", "print the plan as JSON")
    .action(
      action(ctx, async (opts: { dir?: string; dryRun?: boolean; force?: boolean; json?: boolean }) => {
        const plan = await planInit(resolve(ctx.cwd, opts.dir ?? "."), {
          force: opts.force === true,
          version: readVersion(),
        });
        const written = opts.dryRun ? [] : await applyInit(plan);
        const report: InitReport = {
          plan: {
            ...plan,
            files: plan.files.map(({ path, action: act, what }) => ({ path, action: act, what })),
          },
          dryRun: opts.dryRun === true,
          written,
          nextSteps: initNextSteps(),
        };
        emit(ctx, report, { json: opts.json, human: render });
        return 0;
      }),
    );
}
