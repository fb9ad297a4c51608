// Functions whose body is empty (TS/JS, Go) or only `pass` / `...` / a docstring (Python). Declarations
// without bodies (interfaces, abstract methods), constructors with parameter properties, no-op helpers,
// Go marker methods, @abstractmethod/@overload and Protocol members are not stubs.
import { COMMENT_MARK } from "./source-lexer.js";
import { annotate, touchesAdded, type SourceFile } from "./source-file.js";
import type { Annotation } from "./types.js";

const NOT_FUNCTIONS = new Set([
  "if",
  "for",
  "while",
  "switch",
  "catch",
  "return",
  "function",
  "with",
  "constructor",
  "super",
  "do",
  "else",
]);
const NOOP_NAME = /^(?:_+|noop\w*|no_?op\w*|nothing)$/i;

interface Candidate {
  name: string;
  start: number;
  /** Offset of the opening brace of the body. */
  open: number;
  markerMethod?: boolean;
}

function jsCandidates(file: SourceFile): Candidate[] {
  const { bare } = file;
  const found: Candidate[] = [];
  const afterParams = (paren: number, name: string, start: number) => {
    const close = file.closing(paren);
    if (close === undefined) return;
    const tail = /^\s*(?::[^{;=]*)?\{/.exec(bare.slice(close + 1, close + 200));
    if (tail) found.push({ name, start, open: close + tail[0].length });
  };
  for (const m of bare.matchAll(/\bfunction\s*\*?\s*([\w$]+)\s*(?:<[^>]*>)?\s*\(/g))
    afterParams(m.index + m[0].length - 1, m[1] as string, m.index);
  for (const m of bare.matchAll(
    /^[ \t]*(?:(?:public|private|protected|static|async|override|get|set)\s+)*\*?([\w$]+)\s*(?:<[^>]*>)?\s*\(/gm,
  )) {
    if (!NOT_FUNCTIONS.has(m[1] as string)) afterParams(m.index + m[0].length - 1, m[1] as string, m.index);
  }
  for (const m of bare.matchAll(
    /\b(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|[\w$]+)\s*(?::[^=]*)?=>\s*\{/g,
  )) {
    found.push({ name: m[1] as string, start: m.index, open: m.index + m[0].length - 1 });
  }
  return found;
}

function goCandidates(file: SourceFile): Candidate[] {
  const { bare } = file;
  const found: Candidate[] = [];
  for (const m of bare.matchAll(/\bfunc\s*(\([^)]*\)\s*)?(\w+)\s*(?:\[[^\]]*\])?\s*\(/g)) {
    const paren = m.index + m[0].length - 1;
    const close = file.closing(paren);
    if (close === undefined) continue;
    const tail = /^([^{\n]*)\{/.exec(bare.slice(close + 1));
    if (!tail) continue;
    const noParams = bare.slice(paren + 1, close).trim() === "";
    const noResults = (tail[1] as string).trim() === "";
    found.push({
      name: m[2] as string,
      start: m.index,
      open: close + 1 + (tail[0].length - 1),
      markerMethod: m[1] !== undefined && noParams && noResults,
    });
  }
  return found;
}

function braceBodies(file: SourceFile, candidates: Candidate[]): Annotation[] {
  const seen = new Set<number>();
  const found: Annotation[] = [];
  for (const c of candidates) {
    if (seen.has(c.open) || NOOP_NAME.test(c.name) || c.markerMethod) continue;
    seen.add(c.open);
    const close = file.closing(c.open);
    if (close === undefined || file.bare.slice(c.open + 1, close).trim() !== "") continue;
    const start = file.lineAt(c.start);
    const end = file.lineAt(close);
    if (!touchesAdded(file, start, end)) continue;
    found.push(
      annotate(
        file,
        start,
        end,
        "failure",
        "Empty function body",
        `\`${c.name}\` has an empty body: implement it, or say in a comment why it does nothing.`,
      ),
    );
  }
  return found;
}

const indentOf = (s: string) => s.length - s.trimStart().length;
const isDocstringOnly = (bare: string) =>
  /^[rbuf]{0,2}("""|'''|"|')[\s]*\1?$/i.test(bare.trim()) || /^[rbuf]{0,2}(?:"""|''')/i.test(bare.trim());

function pythonBodies(file: SourceFile): Annotation[] {
  const found: Annotation[] = [];
  const lines = file.lines;
  const bareOf = (i: number) => (lines[i]?.bare ?? "").replaceAll(COMMENT_MARK, "").trimEnd();
  for (let i = 0; i < lines.length; i++) {
    const def = /^(\s*)(?:async\s+)?def\s+(\w+)\s*\(/.exec(bareOf(i));
    if (!def) continue;
    const indent = (def[1] as string).length;
    const decorators: string[] = [];
    for (let j = i - 1; j >= 0 && /^\s*@/.test(bareOf(j)); j--) decorators.push(bareOf(j));
    if (decorators.some((d) => /@(?:abc\.)?abstract\w*|@(?:typing\.)?overload/.test(d))) continue;
    const enclosingClass = (() => {
      for (let j = i - 1; j >= 0; j--)
        if (bareOf(j).trim() !== "" && indentOf(bareOf(j)) < indent) return bareOf(j);
      return "";
    })();
    if (/^\s*class\s+\w+\s*\(.*\bProtocol\b/.test(enclosingClass)) continue;
    // The signature may span lines; it ends at the line whose code ends with ":" at paren depth 0.
    let end = i;
    let depth = 0;
    let inline = "";
    for (; end < lines.length; end++) {
      const text = bareOf(end);
      let k = end === i ? text.indexOf("(") : 0;
      for (; k < text.length; k++) {
        if ("([{".includes(text[k] as string)) depth++;
        else if (")]}".includes(text[k] as string)) depth--;
        else if (text[k] === ":" && depth === 0) break;
      }
      if (k < text.length) {
        inline = text.slice(k + 1).trim();
        break;
      }
    }
    const body: string[] = [];
    let last = end;
    if (inline !== "") body.push(inline);
    else {
      for (let j = end + 1; j < lines.length; j++) {
        const text = bareOf(j);
        if (text.trim() === "") continue;
        if (indentOf(text) <= indent) break;
        body.push(text.trim());
        last = j;
      }
    }
    const statements = body.filter((s) => !isDocstringOnly(s) && !/^("""|''')?\s*$/.test(s));
    if (body.length === 0 || !statements.every((s) => s === "pass" || s === "...")) continue;
    if (!touchesAdded(file, i + 1, last + 1)) continue;
    const what = statements.length === 0 ? "only a docstring" : `only \`${statements[0]}\``;
    found.push(
      annotate(
        file,
        i + 1,
        last + 1,
        "failure",
        "Empty function body",
        `\`${def[2]}\` has ${what} as its body: implement it.`,
      ),
    );
  }
  return found;
}

export function findEmptyBodies(file: SourceFile): Annotation[] {
  if (file.language === "js") return braceBodies(file, jsCandidates(file));
  if (file.language === "go") return braceBodies(file, goCandidates(file));
  if (file.language === "python") return pythonBodies(file);
  return [];
}
