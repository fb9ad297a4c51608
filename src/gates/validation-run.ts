// The one run of a lane's validation commands that lanes/validation reports and lanes/prp reads test results
// from: started by whichever gate asks first, shared by both (memoised per gate input), never run twice.
// The JUnit XML reports the commands leave behind are read after the run (input.readTestReports).
import type { CommandResult } from "./run-commands.js";
import { testOutcomes, type TestOutcomes } from "./test-report.js";
import type { GateInput } from "./types.js";

export interface ValidationRun {
  /** Why the commands did not run, when they did not. */
  notRun?: string;
  results: CommandResult[];
  tests: TestOutcomes;
}

const runs = new WeakMap<GateInput, Promise<ValidationRun>>();

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
  if (!input.runCommands) return none("no worktree to validate in");
  const results = await input.runCommands(commands, input.config.validationTimeoutMinutes * 60_000);
  const reports = input.readTestReports ? await input.readTestReports() : [];
  const outputs = results.map((r) => ({
    command: r.command,
    passed: r.exitCode === 0 && !r.timedOut,
    output: r.output,
  }));
  return { results, tests: testOutcomes(outputs, reports) };
}
