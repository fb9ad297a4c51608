// Turns untrusted text (PRP bodies, comments, messages) into inert text that is safe to paste into a
// tmux pane: no escape sequences, no control characters, no bracketed-paste markers. Never widens input.
/* eslint-disable no-control-regex -- matching control characters is exactly what this module is for */

/** ESC/8-bit introduced string sequences (OSC, DCS, SOS, PM, APC) up to their terminator or the end. */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
/** CSI sequences, 7-bit (ESC [) or 8-bit (0x9b): parameters, intermediates and a final byte. */
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
/** Any other escape: ESC, optional intermediates, one final byte (e.g. ESC c full reset, ESC ( B). */
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/** Bracketed-paste markers whose ESC was already lost, so an agent never sees a fake "end of paste". */
const PASTE_MARKER = /\[20[01]~/g;

export interface SanitizeOptions {
  /** Keep line breaks (default true). With false, every line break becomes a space. */
  newlines?: boolean;
  /** Keep tabs (default true). With false, tabs become a space. */
  tabs?: boolean;
}

/** Removes escape sequences and C0/C1 control characters, keeping only \n and \t (configurable). */
export function sanitizeText(input: string, options: SanitizeOptions = {}): string {
  const keepNewlines = options.newlines ?? true;
  const keepTabs = options.tabs ?? true;
  let text = input
    .replace(STRING_SEQUENCE, "")
    .replace(CSI_SEQUENCE, "")
    .replace(OTHER_ESCAPE, "")
    .replace(/\r\n?/g, "\n");
  text = text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    if (c === "\n") return keepNewlines ? "\n" : " ";
    if (c === "\t") return keepTabs ? "\t" : " ";
    return "";
  });
  // Removing characters can join "[20" and "0~" into a marker, so strip until nothing changes.
  let previous: string;
  do {
    previous = text;
    text = text.replace(PASTE_MARKER, "");
  } while (text !== previous);
  return text;
}

/** True when the text is already inert (what `sanitizeText` would return unchanged). */
export function isInert(text: string): boolean {
  return sanitizeText(text) === text;
}

/**
 * JSON text with DEL and the C1 controls escaped (`\u009b`): JSON.stringify and pino leave them raw, and
 * some terminals obey them (0x9b is CSI). Any JSON encoder already escapes C0, and these characters can
 * only stand inside JSON strings, so the value read back is unchanged.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
