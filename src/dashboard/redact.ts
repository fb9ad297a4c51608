// Text shown on the dashboard comes from agents, issues and errors: it keeps no token-shaped strings and no
// absolute paths of the runner host (only their last part). Escaping is the page's job (textContent).

const TOKENS =
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-ant-[A-Za-z0-9_-]{10,}|xox[abposr]-[A-Za-z0-9-]{10,})/g;
const ABSOLUTE_PATH =
  /(^|[\s"'`(=:])(?:~|\/(?:home|Users|root|tmp|var|opt|srv|etc|mnt|private|run|work))(?:\/[^\s"'`)]+)*\/([^\s"'`)/]+)/g;
const CREDENTIAL_URL = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;

export function redactText(text: string): string {
  return text
    .replace(TOKENS, "[redacted]")
    .replace(CREDENTIAL_URL, "$1[redacted]@")
    .replace(ABSOLUTE_PATH, "$1…/$2");
}
