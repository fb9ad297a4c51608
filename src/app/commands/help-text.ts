// The help reply: every command, how it is written and what it does; for an unknown word, the nearest one.
import { COMMAND_NAMES } from "../../domain/command-names.js";
import type { CommandMap } from "./command.js";

export function helpText(commands: CommandMap): string {
  const rows = COMMAND_NAMES.map(
    (name) => `| \`/lanes ${commands[name].usage}\` | ${commands[name].summary} |`,
  );
  return [
    "Lanes reads one command per line, several per comment, on a PRP issue or its lane's pull request:",
    "",
    "| command | what it does |",
    "|---|---|",
    ...rows,
  ].join("\n");
}

export function unknownText(word: string, suggestion: string | undefined): string {
  return `\`${word.slice(0, 40)}\` is not a Lanes command${suggestion ? `; did you mean \`/lanes ${suggestion}\`?` : "."}`;
}
