// Builds the commander program: global options, output wiring, and the command being run, imported
// on demand from the typed map; the others appear only as summaries (help and "did you mean").
import { Command } from "commander";
import { cliCommands, isCommandName, type CommandName } from "./commands/index.js";
import type { CliDeps } from "./cli-deps.js";
import { readVersion } from "./version.js";

/** The command `args` run: the first operand, or the one after `help`. */
export function commandOf(args: readonly string[]): CommandName | undefined {
  const operands = args.filter((a) => !a.startsWith("-"));
  const first = operands[0] === "help" ? operands[1] : operands[0];
  return isCommandName(first) ? first : undefined;
}

export async function buildProgram(ctx: CliDeps, args: readonly string[]): Promise<Command> {
  const program = new Command("lanes")
    .description(
      "Run a team of Claude Code agents on a repository: issues are PRPs, branches are lanes, check runs are gates.",
    )
    .version(readVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: (text) => ctx.io.stderr(text),
    });
  const wanted = commandOf(args);
  for (const [name, entry] of Object.entries(cliCommands) as [
    CommandName,
    (typeof cliCommands)[CommandName],
  ][]) {
    if (name === wanted) (await entry.load())(program, ctx);
    else program.command(name).summary(entry.summary).allowUnknownOption().allowExcessArguments();
  }
  // Subcommands inherit the error handling so that usage errors anywhere become exit code 2.
  for (const sub of program.commands)
    applyRecursively(sub, (c) => c.exitOverride().configureOutput(program.configureOutput()));
  return program;
}

function applyRecursively(command: Command, apply: (c: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyRecursively(sub, apply);
}
