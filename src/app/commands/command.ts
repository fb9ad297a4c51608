// The shape of a `/lanes` command: its help line, a zod schema for its arguments
// (the rest of the command line) and the work. One file per command; index.ts holds the typed map.
import type * as z from "zod";
import type { CommandName } from "../../domain/command-names.js";
import type { RepoDeps } from "../repo-deps.js";

export interface CommandContext {
  deps: RepoDeps;
  /** Who commented (a GitHub login). */
  actor: string;
  /** The issue or pull request the comment is on. */
  where: { number: number; isPullRequest: boolean; labels: string[]; comments: number };
  /** Unique per command line (`<comment id>-<line>`), so a repeat of it has one effect. */
  commandId: string;
  now(): number;
  /** The PRP the command acts on: the issue itself, or the PRP whose lane a pull request carries. */
  prp(): Promise<number>;
}

export interface CommandResult {
  /** Text for the one reply; none when the 🚀 reaction says everything. */
  reply?: string;
  /** Append the list of commands to the reply (`help`). */
  showHelp?: boolean;
}

export interface Command {
  summary: string;
  /** `say <message>`: how the command is written, for help. */
  usage: string;
  /** Checks the arguments; a bad one is the message for the reply. */
  prepare(
    rest: string,
  ): { ok: true; run(ctx: CommandContext): Promise<CommandResult> } | { ok: false; error: string };
}

interface CommandSpec<A> {
  summary: string;
  usage: string;
  args: z.ZodType<A>;
  run(ctx: CommandContext, args: A): Promise<CommandResult>;
}

export function defineCommand<A>(spec: CommandSpec<A>): Command {
  return {
    summary: spec.summary,
    usage: spec.usage,
    prepare(rest) {
      const parsed = spec.args.safeParse(rest);
      if (!parsed.success)
        return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") };
      return { ok: true, run: (ctx) => spec.run(ctx, parsed.data) };
    },
  };
}

export type CommandMap = Record<CommandName, Command>;
