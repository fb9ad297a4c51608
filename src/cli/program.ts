// Builds the commander program: global options, output wiring, and every command from the typed map.
import { Command } from "commander";
import { cliCommands, type CliCommand } from "./commands/index.js";
import type { CliDeps } from "./cli-deps.js";
import { readVersion } from "./version.js";

export function buildProgram(ctx: CliDeps): Command {
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
  for (const register of Object.values(cliCommands) as CliCommand[]) register(program, ctx);
  // Subcommands inherit the error handling so that usage errors anywhere become exit code 2.
  for (const sub of program.commands)
    applyRecursively(sub, (c) => c.exitOverride().configureOutput(program.configureOutput()));
  return program;
}

function applyRecursively(command: Command, apply: (c: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyRecursively(sub, apply);
}
