// lanes/validation: the PRP's validation commands run in the lane's worktree; the summary shows each
// command's result, duration and the tail of its output. The gate spawns nothing itself: it calls the
// input's runCommands, which the edge that collected the input binds to the worktree.
import stripAnsi from "strip-ansi";
import { fence, table } from "./markdown.js";
import type { CommandResult } from "./run-commands.js";
import type { Gate, GateResult } from "./types.js";

const TAIL_LINES = 40;

/** The last lines of a command's output, without terminal colour, links or cursor movement. */
export function outputTail(output: string, lines = TAIL_LINES): string {
  const clean = stripAnsi(output).replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return clean.split("\n").slice(-lines).join("\n");
}

const outcome = (r: CommandResult) =>
  r.timedOut
    ? "⏱️ timed out"
    : r.exitCode === 0
      ? "✅ passed"
      : r.exitCode === null
        ? `❌ killed (${r.signal ?? "error"})`
        : `❌ exit ${r.exitCode}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function validationResult(results: readonly CommandResult[], timeoutMinutes: number): GateResult {
  if (results.length === 0)
    return {
      conclusion: "neutral",
      title: "No validation commands",
      summary: "The PRP lists no validation commands.",
      annotations: [],
    };
  const failed = results.filter((r) => r.timedOut || r.exitCode !== 0);
  const sections = results.map(
    (r) => `### \`${r.command}\` — ${outcome(r)}\n\n${fence(outputTail(r.output) || "(no output)")}`,
  );
  const summary = [
    `Ran ${results.length} command(s) in the lane's worktree (timeout ${timeoutMinutes} min each).`,
    "",
    table(
      ["command", "result", "duration"],
      results.map((r) => [`\`${r.command}\``, outcome(r), seconds(r.durationMs)]),
    ),
    "",
    sections.join("\n\n"),
  ].join("\n");
  return {
    conclusion: failed.length > 0 ? "failure" : "success",
    title:
      failed.length > 0
        ? `${failed.length} of ${results.length} validation command(s) failed`
        : `${results.length} validation command(s) passed`,
    summary,
    annotations: [],
  };
}

export const validationGate: Gate = {
  name: "validation",
  description: "the PRP's validation commands, run in the lane's worktree with timeouts",
  async run(input) {
    if (input.prpProblem) {
      const why =
        input.prpProblem.kind === "invalid"
          ? "The PRP does not parse (see lanes/prp), so its validation commands are unknown."
          : input.prpProblem.summary;
      return {
        conclusion: "neutral",
        title: "No PRP to take validation commands from",
        summary: why,
        annotations: [],
      };
    }
    if (input.validationWithheld) {
      return {
        conclusion: "neutral",
        title: "Validation commands not run: the PRP is not approved",
        summary: input.validationWithheld,
        annotations: [],
      };
    }
    const commands = input.prp.validation ?? [];
    if (commands.length > 0 && !input.runCommands) {
      return {
        conclusion: "failure",
        title: "No worktree to validate in",
        summary:
          "lanes/validation needs the lane's worktree; run it on the runner or with `lanes gate validation --dir D`.",
        annotations: [],
      };
    }
    const minutes = input.config.validationTimeoutMinutes;
    const results = input.runCommands ? await input.runCommands(commands, minutes * 60_000) : [];
    return validationResult(results, minutes);
  },
};
