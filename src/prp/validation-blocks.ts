// Validation commands from the body: shell code blocks under any heading that mentions validation
// (the template's "Validation Loop" levels, "Validation Gates" …), and list items that are one
// command in backticks. Prompts (`$ `) and comments are stripped; output lines of console blocks skipped.
import { spansOf, type OutlineLine } from "./sections.js";
import type { Section } from "./schema.js";

const SHELL_LANGS = new Set(["", "bash", "sh", "shell", "zsh", "console", "shell-session"]);
const VALIDATION_HEADING = /validat/i;
const CODE_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?`([^`]+)`/;

/** Removes a trailing ` # comment` that is not inside quotes. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i).trimEnd();
  }
  return line;
}

function commandsOfBlock(language: string, code: readonly string[]): string[] {
  const consoleBlock = language === "console" || language === "shell-session";
  const commands: string[] = [];
  let pending = "";
  for (const raw of code) {
    let line = raw.trim();
    if (consoleBlock && pending === "" && !line.startsWith("$ ")) continue;
    // Untagged blocks also hold pseudo-code checklists ("CHECKPOINT tests:", "- RUN: …"): not commands.
    if (language === "" && pending === "" && (/^([-*]\s|```|~~~)/.test(line) || line.endsWith(":"))) continue;
    line = line.replace(/^\$\s+/, "");
    line = stripComment(line).trim();
    if (line === "") continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    commands.push(pending + line);
    pending = "";
  }
  if (pending.trim() !== "") commands.push(pending.trim());
  return commands;
}

export function validationCommandsOf(lines: readonly OutlineLine[], sections: readonly Section[]): string[] {
  const commands: string[] = [];
  const taken = new Set<number>();
  for (const head of spansOf(lines, sections)) {
    // A title (H1) that mentions validation is not a validation section: it would take the whole PRP.
    if (head.level < 2 || !VALIDATION_HEADING.test(head.heading)) continue;
    const end = head.end;
    for (let i = head.index + 1; i < end; i += 1) {
      const l = lines[i] as OutlineLine;
      if (taken.has(i)) continue;
      taken.add(i);
      const open = l.fence === "open" ? /^\s{0,3}(?:`{3,}|~{3,})\s*([\w-]*)/.exec(l.text) : null;
      if (open) {
        const code: string[] = [];
        let j = i + 1;
        while (j < end && (lines[j] as OutlineLine).fence === "code") {
          code.push((lines[j] as OutlineLine).text);
          taken.add(j);
          j += 1;
        }
        taken.add(j);
        i = j;
        if (SHELL_LANGS.has((open[1] ?? "").toLowerCase()))
          commands.push(...commandsOfBlock((open[1] ?? "").toLowerCase(), code));
        continue;
      }
      const item = l.fenced ? null : CODE_ITEM.exec(l.text);
      if (item) commands.push(...commandsOfBlock("", [item[1] as string]));
    }
  }
  return [...new Set(commands)];
}
