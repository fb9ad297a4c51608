// Splits source into code, string and comment text per line (TS/JS, Python, Go, Rust), so that rules
// look for markers in comments only and for code shapes with string contents blanked out. Never runs code.

export type Language = "js" | "python" | "go" | "rust";

export interface LexedLine {
  /** The line with comments blanked to spaces; strings intact. */
  code: string;
  /** The line with string contents blanked to spaces and comment characters replaced by COMMENT_MARK. */
  bare: string;
  /** The comment text on this line ("" when none). */
  comment: string;
}

/** Stands in for comment text in `bare`, so an "empty" body that holds a comment is not empty. */
export const COMMENT_MARK = "\u0001";

const EXTENSIONS: Record<string, Language> = {
  ts: "js",
  tsx: "js",
  mts: "js",
  cts: "js",
  js: "js",
  jsx: "js",
  mjs: "js",
  cjs: "js",
  py: "python",
  go: "go",
  rs: "rust",
};

export function languageOf(path: string): Language | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSIONS[ext];
}

type Kind = "code" | "string" | "comment";

class Emitter {
  code = "";
  bare = "";
  comment = "";
  push(text: string, kind: Kind): void {
    for (const ch of text) {
      if (ch === "\n") {
        this.code += ch;
        this.bare += ch;
        this.comment += ch;
      } else if (kind === "code") {
        this.code += ch;
        this.bare += ch;
        this.comment += " ";
      } else if (kind === "string") {
        this.code += ch;
        this.bare += " ";
        this.comment += " ";
      } else {
        this.code += " ";
        this.bare += COMMENT_MARK;
        this.comment += ch;
      }
    }
  }
}

const REGEX_PRECEDERS = new Set([..."(,=:[!&|?{};+-*%<>~^"]);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|throw|in|of|yield|await|void|delete)$/;

/** Index just past a quoted string starting at `start` (quote char at start). */
function endOfQuoted(
  text: string,
  start: number,
  quote: string,
  escapes: boolean,
  multiline: boolean,
): number {
  let i = start + quote.length;
  while (i < text.length) {
    if (escapes && text[i] === "\\") i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (!multiline && text[i] === "\n") return i;
    else i++;
  }
  return text.length;
}

function endOfRegex(text: string, start: number): number | undefined {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") return undefined;
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) return i + 1;
  }
  return undefined;
}

function lexJs(text: string, out: Emitter): void {
  // Each entry is the brace depth at which a `${` expression returns into its template literal.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  let inTemplate = false;
  let lastSignificant = "";
  while (i < text.length) {
    if (inTemplate) {
      let j = i;
      while (j < text.length && text[j] !== "`" && !text.startsWith("${", j)) j += text[j] === "\\" ? 2 : 1;
      out.push(text.slice(i, Math.min(j, text.length)), "string");
      if (text[j] === "`") {
        out.push("`", "code");
        inTemplate = false;
        i = j + 1;
        lastSignificant = "`";
      } else if (j < text.length) {
        out.push("${", "code");
        templates.push(depth);
        depth++;
        inTemplate = false;
        i = j + 2;
        lastSignificant = "{";
      } else i = j;
      continue;
    }
    const c = text[i] as string;
    if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out.push(text.slice(i, stop), "comment");
      i = stop;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out.push(text.slice(i, stop), "comment");
      i = stop;
    } else if (c === '"' || c === "'") {
      const stop = endOfQuoted(text, i, c, true, false);
      out.push(c, "code");
      out.push(text.slice(i + 1, stop - 1), "string");
      out.push(text.slice(stop - 1, stop), "code");
      i = stop;
      lastSignificant = c;
    } else if (c === "`") {
      out.push("`", "code");
      inTemplate = true;
      i++;
    } else if (
      c === "/" &&
      (lastSignificant === "" ||
        REGEX_PRECEDERS.has(lastSignificant) ||
        REGEX_KEYWORDS.test(out.code.slice(-40).trimEnd()))
    ) {
      const stop = endOfRegex(text, i);
      if (stop === undefined) {
        out.push(c, "code");
        i++;
      } else {
        out.push("/", "code");
        out.push(text.slice(i + 1, stop - 1), "string");
        out.push("/", "code");
        i = stop;
      }
      lastSignificant = "/x";
    } else {
      if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates.pop();
          out.push("}", "code");
          inTemplate = true;
          i++;
          continue;
        }
      }
      out.push(c, "code");
      if (!/\s/.test(c)) lastSignificant = c;
      i++;
    }
  }
}

function lexPython(text: string, out: Emitter): void {
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "#") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out.push(text.slice(i, stop), "comment");
      i = stop;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const stop = endOfQuoted(text, i, quote, true, quote.length === 3);
      out.push(quote, "code");
      out.push(text.slice(i + quote.length, Math.max(i + quote.length, stop - quote.length)), "string");
      out.push(text.slice(Math.max(i + quote.length, stop - quote.length), stop), "code");
      i = stop;
    } else {
      out.push(c, "code");
      i++;
    }
  }
}

function lexCLike(text: string, out: Emitter, language: "go" | "rust"): void {
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    let stop: number | undefined;
    if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      stop = end === -1 ? text.length : end;
      out.push(text.slice(i, stop), "comment");
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      stop = end === -1 ? text.length : end + 2;
      out.push(text.slice(i, stop), "comment");
    } else if (c === '"' || (c === "`" && language === "go")) {
      stop = endOfQuoted(text, i, c, c === '"', c === "`" || language === "rust");
    } else if (c === "'" && /^'(?:\\.[^']*|[^\\'\n])'/.test(text.slice(i, i + 12))) {
      stop = endOfQuoted(text, i, "'", true, false);
    }
    if (stop === undefined) {
      out.push(c, "code");
      i++;
    } else {
      if (!text.startsWith("/", i)) {
        out.push(c, "code");
        out.push(text.slice(i + 1, stop - 1), "string");
        out.push(text.slice(stop - 1, stop), "code");
      }
      i = stop;
    }
  }
}

export function lexSource(text: string, language: Language): LexedLine[] {
  const out = new Emitter();
  if (language === "js") lexJs(text, out);
  else if (language === "python") lexPython(text, out);
  else lexCLike(text, out, language);
  const code = out.code.split("\n");
  const bare = out.bare.split("\n");
  const comment = out.comment.split("\n");
  return code.map((line, index) => ({
    code: line,
    bare: bare[index] ?? "",
    comment: (comment[index] ?? "").trim(),
  }));
}
