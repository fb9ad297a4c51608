// `lanes gate NAME --dir D`: runs one gate on a local repository by the same code path as the check run
// (collect input → gate → result) and prints the summary or the JSON result. Exit 0 pass, 1 fail, 2 usage.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_CONFIG_FILE, readConfigFile } from "../../config/index.js";
import { InvalidInputError, UsageError } from "../../errors.js";
import { collectInput } from "../../gates/collect-input.js";
import { gateConfigFrom } from "../../gates/gate-config.js";
import { gatePrpFromJson } from "../../gates/gate-prp-json.js";
import { checkRunName, gateMode, isGateName, runGate } from "../../gates/registry.js";
import { GATE_NAMES, type Annotation, type GatePrp } from "../../gates/types.js";
import { action, emit, type CliContext } from "../context.js";

interface GateOptions {
  dir?: string;
  base: string;
  prp?: string;
  json?: boolean;
}

interface GateReport {
  gate: string;
  mode: string;
  conclusion: string;
  title: string;
  summary: string;
  annotations: Annotation[];
}

async function loadPrp(file: string | undefined, cwd: string): Promise<GatePrp> {
  if (file === undefined) return { title: "(no PRP given)", criteria: [] };
  const path = resolve(cwd, file);
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    throw new InvalidInputError(`cannot read the PRP file ${path}: ${(error as Error).message}`, { cause: error });
  });
  return gatePrpFromJson(text, path);
}

function render(report: GateReport): string {
  const notes = report.annotations.map((a) => `  ${a.path}:${a.start_line} ${a.annotation_level}: ${a.title ? `${a.title}: ` : ""}${a.message}`);
  return [`${report.gate} (${report.mode}): ${report.conclusion} — ${report.title}`, "", report.summary, ...(notes.length > 0 ? ["", "Annotations:", ...notes] : [])].join("\n");
}

export function registerGate(program: Command, ctx: CliContext): void {
  program
    .command("gate")
    .description(`run one gate (${GATE_NAMES.join(", ")}) on a local repository`)
    .argument("<name>", "the gate to run")
    .option("--dir <dir>", "the lane's worktree (default: the current directory)")
    .option("--base <ref>", "the base the lane branched from", "main")
    .option("--prp <file>", "the lane's PRP as JSON (the output of `lanes prp parse FILE --json`)")
    .option("--json", "print the result as JSON")
    .action(
      action(ctx, async (name: string, opts: GateOptions) => {
        if (!isGateName(name)) throw new UsageError(`unknown gate "${name}"; valid gates: ${GATE_NAMES.join(", ")}`);
        const dir = resolve(ctx.cwd, opts.dir ?? ".");
        // The lane's own .github/lanes.yml, as the check run would read it; defaults when absent.
        const config = gateConfigFrom((await readConfigFile(resolve(dir, DEFAULT_CONFIG_FILE), { required: false })).config);
        const prp = await loadPrp(opts.prp, ctx.cwd);
        const input = await collectInput({ dir, base: opts.base, prp, config });
        const run = await runGate(name, input);
        const report: GateReport = run
          ? { gate: checkRunName(name), mode: run.mode, ...run.result }
          : { gate: checkRunName(name), mode: gateMode(name, config), conclusion: "skipped", title: "Gate is off", summary: "This gate is off in the configuration.", annotations: [] };
        emit(ctx, report, { json: opts.json, human: render });
        return report.conclusion === "failure" ? 1 : 0;
      }),
    );
}
