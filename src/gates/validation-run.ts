// The one run of a lane's validation commands that lanes/validation reports and lanes/prp reads test results
// from: started by whichever gate asks first, shared by both (memoised per gate input), never run twice.
// JUnit XML reports the commands leave in the usual places are read after the run.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommands, type CommandResult } from "./run-commands.js";
import { testOutcomes, type ReportFile, type TestOutcomes } from "./test-report.js";
import type { GateInput } from "./types.js";

export interface ValidationRun {
  /** Why the commands did not run, when they did not. */
  notRun?: string;
  results: CommandResult[];
  tests: TestOutcomes;
}

const runs = new WeakMap<GateInput, Promise<ValidationRun>>();

/** Folders test runners write JUnit XML to by convention (searched one level deep). */
const REPORT_DIRS = [".", "test-results", "reports", "junit", "build/test-results", "target/surefire-reports"];

export function validationRun(input: GateInput): Promise<ValidationRun> {
  let run = runs.get(input);
  if (!run) {
    run = start(input);
    runs.set(input, run);
  }
  return run;
}

async function start(input: GateInput): Promise<ValidationRun> {
  const commands = input.prp.validation ?? [];
  const none = (notRun: string): ValidationRun => ({ notRun, results: [], tests: testOutcomes([]) });
  if (input.prpProblem) return none("no PRP to take validation commands from");
  if (input.validationWithheld) return none(input.validationWithheld);
  if (commands.length === 0) return none("the PRP lists no validation commands");
  if (!input.worktree) return none("no worktree to validate in");
  const minutes = input.config.validationTimeoutMinutes;
  const results = await runCommands(commands, { cwd: input.worktree, timeoutMs: minutes * 60_000 });
  const reports = await junitReports(input.worktree);
  const outputs = results.map((r) => ({
    command: r.command,
    passed: r.exitCode === 0 && !r.timedOut,
    output: r.output,
  }));
  return { results, tests: testOutcomes(outputs, reports) };
}

async function junitReports(root: string): Promise<ReportFile[]> {
  const found: ReportFile[] = [];
  for (const dir of REPORT_DIRS) {
    const names = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".xml"))) {
      const path = dir === "." ? name : `${dir}/${name}`;
      const text = await readFile(join(root, path), "utf8").catch(() => "");
      if (/<testsuites?\b/.test(text.slice(0, 4096))) found.push({ path, text });
    }
  }
  return found;
}
