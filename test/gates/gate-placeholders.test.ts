import { afterEach, describe, expect, it } from "vitest";
import { placeholdersGate } from "../../src/gates/gate-placeholders.js";
import { laneRepo, type LaneRepo } from "./lane-repo.js";

let lane: LaneRepo | undefined;
afterEach(async () => lane?.repo.remove());

async function judge(files: Record<string, string>, base: Record<string, string> = {}) {
  lane = await laneRepo(base, files);
  return placeholdersGate.run(await lane.input());
}

const lines = (r: Awaited<ReturnType<typeof judge>>) =>
  r.annotations
    .filter((a) => a.level === "failure")
    .map((a) => `${a.path}:${a.startLine}-${a.endLine} ${a.title}`);

describe("lanes/placeholders", () => {
  it("passes ordinary TypeScript that mentions TODO in strings, identifiers and an explained empty catch", async () => {
    const result = await judge({
      "src/todo.ts": [
        '// Keeps the user\'s todo list in memory; flags "not implemented" and TODO/FIXME elsewhere.',
        "export interface Store {",
        "  save(item: string): void;",
        "}",
        "export abstract class Base {",
        "  abstract load(): string;",
        "}",
        "const todoList: string[] = [];",
        'const label = "TODO: shown to users as a column title";',
        "const re = /\\/\\/ TODO/;",
        "export class Service {",
        "  constructor(private readonly name: string) {}",
        "  add(item: string): number {",
        "    try {",
        "      JSON.parse(item);",
        "    } catch {",
        "      // not JSON: stored as plain text",
        "    }",
        "    return todoList.push(`${label} ${this.name} ${item} ${re.source}`);",
        "  }",
        "}",
        "export const noop = () => {};",
        "",
      ].join("\n"),
    });
    expect(lines(result)).toEqual([]);
    expect(result.conclusion).toBe("success");
  });

  it("flags TODO comments, not-implemented throws and empty functions on the exact lines", async () => {
    const result = await judge({
      "src/api.ts": [
        "export function limit(n: number): number {",
        "  // TODO: real limiter",
        "  return n;",
        "}",
        "export function reset(): void {}",
        "export function drain(): void {",
        '  throw new Error("not implemented");',
        "}",
        "export const handler = async (req: unknown) => {",
        "};",
        "",
      ].join("\n"),
    });
    expect(result.conclusion).toBe("failure");
    expect(lines(result)).toEqual([
      "src/api.ts:2-2 Unfinished-work marker",
      "src/api.ts:5-5 Empty function body",
      "src/api.ts:7-7 Not implemented",
      "src/api.ts:9-10 Empty function body",
    ]);
  });

  it("judges only the lines the lane added", async () => {
    const result = await judge(
      {
        "src/old.ts":
          "// TODO: legacy, tracked elsewhere\nexport function old(): void {}\nexport const added = 1;\n",
      },
      { "src/old.ts": "// TODO: legacy, tracked elsewhere\nexport function old(): void {}\n" },
    );
    expect(lines(result)).toEqual([]);
  });

  it("treats a TODO that names an issue as a notice, not a failure", async () => {
    const result = await judge({ "src/a.ts": "export const a = 1; // TODO(#42): tune after load tests\n" });
    expect(result.conclusion).toBe("success");
    expect(result.annotations).toMatchObject([{ level: "notice", startLine: 1 }]);
  });

  it("flags Python pass-only and docstring-only bodies and NotImplementedError, but not abstract or Protocol members", async () => {
    const result = await judge({
      "src/svc.py": [
        "from abc import ABC, abstractmethod",
        "from typing import Protocol",
        "",
        "class Reader(Protocol):",
        "    def read(self) -> str: ...",
        "",
        "class Base(ABC):",
        "    @abstractmethod",
        "    def run(self):",
        "        raise NotImplementedError",
        "",
        "class Error(Exception):",
        "    pass",
        "",
        "def ok(x):",
        '    """Doubles x; mentions TODO only in the docstring."""',
        "    return x * 2  # the word todo here is not a marker: todoList",
        "",
        "def stub(x):",
        "    pass",
        "",
        "def later(",
        "    x,",
        "):",
        '    """Will do things."""',
        "",
        "def boom():",
        '    raise NotImplementedError("soon")',
        "",
        "# FIXME: remove",
        'LABEL = "# TODO not a comment"',
        "",
      ].join("\n"),
    });
    expect(lines(result)).toEqual([
      "src/svc.py:19-20 Empty function body",
      "src/svc.py:22-25 Empty function body",
      "src/svc.py:28-28 Not implemented",
      "src/svc.py:30-30 Unfinished-work marker",
    ]);
  });

  it("flags Go panics and empty funcs, but not interface methods or marker methods", async () => {
    const result = await judge({
      "src/limit.go": [
        "package limit",
        "",
        "// Limiter limits.",
        "type Limiter interface {",
        "\tAllow(key string) bool",
        "}",
        "",
        "type node struct{}",
        "",
        "func (node) isNode() {}",
        "",
        'const help = "TODO: strings are not comments"',
        "",
        "func Allow(key string) bool {",
        '\tpanic("not implemented")',
        "}",
        "",
        "func Reset(key string) {",
        "}",
        "",
        "func Count() int { return len(help) }",
        "",
      ].join("\n"),
    });
    expect(lines(result)).toEqual([
      "src/limit.go:15-15 Not implemented",
      "src/limit.go:18-19 Empty function body",
    ]);
  });

  it("flags tests without assertions in TS, Python and Go, and it.todo", async () => {
    const result = await judge({
      "test/a.test.ts": [
        'import { expect, it } from "vitest";',
        'it("adds", () => {',
        "  expect(1 + 1).toBe(2);",
        "});",
        'it("expect in the name is not an assertion", async () => {',
        "  await Promise.resolve(1);",
        "});",
        'it.todo("rejects bad input");',
        'it("short", () => expect(true).toBe(true));',
        "",
      ].join("\n"),
      "test/test_svc.py":
        "def test_ok():\n    assert 1 == 1\n\n\ndef test_nothing():\n    x = 1\n    print(x)\n",
      "src/svc_test.go": [
        "package svc",
        "",
        'import "testing"',
        "",
        "func TestOk(t *testing.T) {",
        "\tif 1 != 1 {",
        '\t\tt.Fatalf("math")',
        "\t}",
        "}",
        "",
        "func TestNothing(t *testing.T) {",
        "\t_ = 1",
        "}",
        "",
      ].join("\n"),
    });
    expect(lines(result)).toEqual([
      "src/svc_test.go:11-13 Test without assertions",
      "test/a.test.ts:5-7 Test without assertions",
      "test/a.test.ts:8-8 Placeholder test",
      "test/test_svc.py:5-7 Test without assertions",
    ]);
  });

  it("flags a tiny new file that is mostly comments, but not a re-export index", async () => {
    const result = await judge({
      "src/ai/service.py":
        "# AI service\n# Talks to the model.\n# Implementation to follow.\nclass AIService:\n    model = None\n",
      "src/ai/version.ts": '// The model version we pin.\nexport const MODEL = "m-1";\n',
      "src/ai/index.ts": '// The AI area\'s public surface.\nexport * from "./client.js";\n',
      "src/ai/__init__.py": "",
    });
    expect(lines(result)).toEqual(["src/ai/service.py:1-5 Placeholder file"]);
  });

  it("renders a summary table of findings", async () => {
    const result = await judge({ "src/a.ts": "// FIXME | later\nexport function a(): void {}\n" });
    expect(result.summary.replace(/\r\n/g, "\n")).toMatchInlineSnapshot(`
      "Scanned the added lines of 1 source file (TS/JS, Python, Go, Rust).

      | where | finding | detail |
      | --- | --- | --- |
      | src/a.ts:1 | Unfinished-work marker | "FIXME" in a comment: finish the work or track it in an issue (TODO(#123)). |
      | src/a.ts:2 | Empty function body | \`a\` has an empty body: implement it, or say in a comment why it does nothing. |"
    `);
  });
});
