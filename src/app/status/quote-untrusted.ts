// Agent or user text shown verbatim in a comment, as a Markdown quote that stays text: control characters
// and escape sequences removed, no HTML (so no hidden markers or closing tags), no @-mentions or #-links that
// would notify people, each line quoted. Never executes or links anything.
import { sanitizeText } from "../../text/sanitize.js";

const LIMIT = 2000;

export function quoteUntrusted(text: string): string {
  let clean = sanitizeText(text).trim();
  if (clean.length > LIMIT) clean = `${clean.slice(0, LIMIT)}…`;
  return clean
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(?=\w)/g, "@\u200b")
    .replace(/#(?=\d)/g, "#\u200b")
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}
