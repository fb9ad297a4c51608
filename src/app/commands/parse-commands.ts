// Finds `/lanes <command> [arguments]` lines in a comment: pure, case- and whitespace-tolerant, several per
// comment. Lines inside code fences and quoted lines (`> /lanes …`, a reply quoting an earlier command) are
// text, not commands, so quoting a command never runs it again.
import { closestWord } from "../../text/closest-word.js";
import { COMMAND_NAMES, type CommandName } from "../../domain/command-names.js";

export type ParsedCommand =
  | { kind: "command"; name: CommandName; rest: string; line: number }
  | { kind: "unknown"; word: string; suggestion: string | undefined; line: number };

const COMMAND_LINE = /^\s*\/lanes(?:\s+(\S+))?(?:[ \t]+(.*))?$/i;
const FENCE = /^\s*(```|~~~)/;

function isCommandName(word: string): word is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(word);
}

/** Every command line of a comment body, in order. A bare `/lanes` asks for help. */
export function parseCommands(body: string): ParsedCommand[] {
  const found: ParsedCommand[] = [];
  let fenced = false;
  body.split(/\r?\n/).forEach((text, index) => {
    if (FENCE.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced || /^\s*>/.test(text)) return;
    const match = COMMAND_LINE.exec(text);
    if (!match) return;
    const word = (match[1] ?? "help").toLowerCase();
    const rest = (match[2] ?? "").trim();
    const line = index + 1;
    if (isCommandName(word)) found.push({ kind: "command", name: word, rest, line });
    else found.push({ kind: "unknown", word, suggestion: closestWord(word, COMMAND_NAMES), line });
  });
  return found;
}

/** Whether a comment may hold a command at all: the cheap test `relevant()` makes before any I/O. */
export function mentionsCommand(body: string | null | undefined): boolean {
  return body !== null && body !== undefined && /^\s*\/lanes\b/im.test(body);
}
