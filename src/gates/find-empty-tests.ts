// Tests that assert nothing: it/test blocks without expect/assert (TS/JS), test_ functions without assert
// (Python), Test functions that never call t.Error/t.Fatal/require/assert (Go); and it.todo placeholders.
import { COMMENT_MARK } from "./source-lexer.js";
import { annotate, touchesAdded, type SourceFile } from "./source-file.js";
import type { Annotation } from "./types.js";

const TEST_FILE: Record<string, RegExp> = {
  js: /[._](?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)__tests__\//,
  python: /(?:^|\/)test_[^/]*\.py$|_test\.py$/,
  go: /_test\.go$/,
};

const ASSERTS: Record<string, RegExp> = {
  js: /\b(?:expect\w*|assert\w*|should\w*|verify\w*)\b|\.(?:not\.)?to[A-Z]\w*\(|\bt\.(?:is|deepEqual|true|false|throws\w*|ok|equal|fail)\(/,
  python: /\bassert\b|\bassert_\w+|\.assert\w*\(|\bpytest\.(?:raises|fail|warns|approx)\b|\bself\.fail\(/,
  go: /\b\w+\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(|\b(?:require|assert|is|qt)\.\w+\(/,
};

export function isTestFile(path: string, language: string): boolean {
  return TEST_FILE[language]?.test(path) ?? false;
}

function jsTests(file: SourceFile, asserts: RegExp): Annotation[] {
  const found: Annotation[] = [];
  for (const m of file.bare.matchAll(/(?<![\w$.])(it|test)(?:\.(todo|concurrent|fails))?\s*\(/g)) {
    const start = file.lineAt(m.index);
    const open = m.index + m[0].length - 1;
    const close = file.closing(open) ?? file.bare.length;
    const end = file.lineAt(close);
    if (!file.added.has(start)) continue;
    if (m[2] === "todo") {
      found.push(
        annotate(
          file,
          start,
          end,
          "failure",
          "Placeholder test",
          `\`${m[1]}.todo\` is a test still to be written.`,
        ),
      );
      continue;
    }
    const args = file.bare.slice(open + 1, close);
    // `it("name")` without a callback is a pending test; with one, it needs an assertion.
    if (!/=>|\bfunction\b/.test(args)) continue;
    if (!asserts.test(args))
      found.push(
        annotate(
          file,
          start,
          end,
          "failure",
          "Test without assertions",
          "This test asserts nothing: it passes whatever the code does.",
        ),
      );
  }
  return found;
}

function pythonTests(file: SourceFile, asserts: RegExp): Annotation[] {
  const found: Annotation[] = [];
  const bareOf = (i: number) => (file.lines[i]?.bare ?? "").replaceAll(COMMENT_MARK, "");
  for (let i = 0; i < file.lines.length; i++) {
    const def = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/.exec(bareOf(i));
    if (!def || !file.added.has(i + 1)) continue;
    const indent = (def[1] as string).length;
    let last = i;
    let body = bareOf(i).slice(bareOf(i).lastIndexOf(":") + 1);
    for (let j = i + 1; j < file.lines.length; j++) {
      const text = bareOf(j);
      if (text.trim() === "") continue;
      if (text.length - text.trimStart().length <= indent) break;
      body += `\n${text}`;
      last = j;
    }
    if (!asserts.test(body))
      found.push(
        annotate(
          file,
          i + 1,
          last + 1,
          "failure",
          "Test without assertions",
          `\`${def[2]}\` asserts nothing.`,
        ),
      );
  }
  return found;
}

function goTests(file: SourceFile, asserts: RegExp): Annotation[] {
  const found: Annotation[] = [];
  for (const m of file.bare.matchAll(/\bfunc\s+(Test\w*)\s*\(\s*\w+\s+\*testing\.T\s*\)\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    const close = file.closing(open) ?? file.bare.length;
    const start = file.lineAt(m.index);
    const end = file.lineAt(close);
    if (!touchesAdded(file, start, start)) continue;
    if (!asserts.test(file.bare.slice(open, close)))
      found.push(
        annotate(
          file,
          start,
          end,
          "failure",
          "Test without assertions",
          `\`${m[1]}\` never calls t.Error/t.Fatal or an assertion library.`,
        ),
      );
  }
  return found;
}

export function findEmptyTests(file: SourceFile): Annotation[] {
  if (!isTestFile(file.path, file.language)) return [];
  const asserts = ASSERTS[file.language];
  if (!asserts) return [];
  if (file.language === "js") return jsTests(file, asserts);
  if (file.language === "python") return pythonTests(file, asserts);
  return goTests(file, asserts);
}
