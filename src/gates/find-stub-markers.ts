// Markers of unfinished work on added lines: TODO/FIXME/XXX and "not implemented" in comments (never in
// strings), and code that throws, raises or panics "not implemented".
import { annotate, type SourceFile } from "./source-file.js";
import type { Language } from "./source-lexer.js";
import type { Annotation } from "./types.js";

const COMMENT_MARKER =
  /\b(?:TODO|FIXME|XXX)\b|\b(?:[Tt]odo|[Ff]ixme)\s*[:(]|\b[Nn]ot (?:yet )?[Ii]mplemented\b|\b[Ii]mplement(?:ed)? later\b|\bNOT IMPLEMENTED\b/;
const ISSUE_REFERENCE = /#\d+|\bissues\/\d+/;

const STUB_CODE: Record<Language, RegExp> = {
  js: /\bthrow\s+new\s+\w*Error\s*\(\s*["'`]\s*(?:not\s+(?:yet\s+)?implemented|todo|unimplemented|stub)\b/i,
  python: /\braise\s+NotImplementedError\b/,
  go: /\bpanic\(\s*["`]\s*(?:not\s+(?:yet\s+)?implemented|todo|unimplemented)\b/i,
  rust: /\b(?:unimplemented|todo)!\s*\(/,
};

/** A Python `raise NotImplementedError` inside an @abstractmethod is the language's way to declare one. */
function insideAbstractMethod(file: SourceFile, lineNo: number): boolean {
  const indent = (s: string) => s.length - s.trimStart().length;
  const own = indent(file.lines[lineNo - 1]?.code ?? "");
  for (let i = lineNo - 2; i >= 0; i--) {
    const code = file.lines[i]?.code ?? "";
    if (code.trim() === "" || indent(code) >= own) continue;
    if (!/^\s*(?:async\s+)?def\s/.test(code)) return false;
    for (let j = i - 1; j >= 0 && /^\s*@/.test(file.lines[j]?.code ?? ""); j--) {
      if (/@(?:abc\.)?abstract\w*|@overload|@typing\.overload/.test(file.lines[j]?.code ?? "")) return true;
    }
    return false;
  }
  return false;
}

/** A marker quoted or listed ("TODO", `FIXME`, TODO/FIXME) is being talked about, not left behind. */
function mentioned(comment: string, index: number, length: number): boolean {
  const before = comment[index - 1] ?? "";
  const after = comment[index + length] ?? "";
  return (/["'`]/.test(before) && before === after) || before === "/" || after === "/";
}

export function findStubMarkers(file: SourceFile): Annotation[] {
  const found: Annotation[] = [];
  for (const lineNo of [...file.added].sort((a, b) => a - b)) {
    const line = file.lines[lineNo - 1];
    if (!line) continue;
    const marker = COMMENT_MARKER.exec(line.comment);
    if (marker && !mentioned(line.comment, marker.index, marker[0].length)) {
      const tracked = ISSUE_REFERENCE.test(line.comment);
      found.push(
        annotate(
          file,
          lineNo,
          lineNo,
          tracked ? "notice" : "failure",
          tracked ? "Tracked TODO" : "Unfinished-work marker",
          tracked
            ? `"${marker[0]}" with an issue reference: tracked, not a stub.`
            : `"${marker[0]}" in a comment: finish the work or track it in an issue (TODO(#123)).`,
        ),
      );
    }
    const stub = STUB_CODE[file.language].exec(line.code);
    // The match must start in code, not inside a string that happens to contain the words.
    if (stub && line.bare.slice(stub.index, stub.index + 3) === line.code.slice(stub.index, stub.index + 3)) {
      if (file.language === "python" && insideAbstractMethod(file, lineNo)) continue;
      found.push(
        annotate(
          file,
          lineNo,
          lineNo,
          "failure",
          "Not implemented",
          `\`${stub[0].trim()}…\`: this code path is a stub.`,
        ),
      );
    }
  }
  return found;
}
