import { describe, expect, it } from "vitest";
import { MAX_YAML_VALUES, readYaml, type KeyPath } from "../../src/text/read-yaml.js";

const TEXT = [
  "# comment", //                        1
  "team:", //                            2
  "  plan: max5x  # inline comment", //  3
  "", //                                 4
  "integration:", //                     5
  "  order:", //                         6
  "  - developer", //                    7
  "  - tester", //                       8
  "  validation:", //                    9
  "    - npm ci", //                     10
  "    - |", //                          11
  "      npm test", //                   12
  "      npm run lint", //               13
  "organisation_context: |", //          14
  "  retry: not a key", //               15
  "roles:", //                           16
  "  'tester':", //                      17
  "    paths:", //                       18
  "      - name: first", //              19
  "        glob: test/**", //            20
  "      - name: second", //             21
  "retry: {attempts: 3}", //             22
  "redis:", //                           23
  "  url: a long value", //              24
  "    continued on a second line", //   25
  "  prefix: x", //                      26
].join("\n");

function lineOf(text: string, path: KeyPath): number | undefined {
  const read = readYaml(text);
  if (!read.ok) throw new Error(read.message);
  return read.lineOf(path);
}

describe("readYaml: lines of keys and items", () => {
  const at = (path: KeyPath) => lineOf(TEXT, path);

  it("finds nested mapping keys", () => {
    expect(at(["team"])).toBe(2);
    expect(at(["team", "plan"])).toBe(3);
    expect(at(["redis", "prefix"])).toBe(26);
  });

  it("finds sequence items written at the parent key's indent and deeper", () => {
    expect(at(["integration", "order", 0])).toBe(7);
    expect(at(["integration", "order", 1])).toBe(8);
    expect(at(["integration", "validation"])).toBe(9);
    expect(at(["integration", "validation", 1])).toBe(11);
  });

  it("finds keys of mappings inside sequence items", () => {
    expect(at(["roles", "tester", "paths", 0, "glob"])).toBe(20);
    expect(at(["roles", "tester", "paths", 1, "name"])).toBe(21);
  });

  it("skips block scalars and continuation lines instead of reading keys in them", () => {
    expect(at(["organisation_context"])).toBe(14);
    expect(at(["retry"])).toBe(22);
    expect(at(["redis", "url", "continued"])).toBe(24);
  });

  it("returns the nearest written ancestor, or undefined for a path that appears nowhere", () => {
    expect(at(["team", "plan", "deeper"])).toBe(3);
    expect(at(["nowhere", "at_all"])).toBeUndefined();
    expect(at([])).toBeUndefined();
  });

  it("finds keys and items inside flow collections, on their own lines", () => {
    expect(at(["retry", "attempts"])).toBe(22);
    const flow =
      "gates: {\n  prp: {mode: required},\n  lane:\n    {mode: optional}\n}\norder: [\n  pm,\n  tester ]\n";
    expect(lineOf(flow, ["gates", "prp", "mode"])).toBe(2);
    expect(lineOf(flow, ["gates", "lane", "mode"])).toBe(4);
    expect(lineOf(flow, ["order", 1])).toBe(8);
  });

  it("unquotes keys, including escapes and keys that look like other syntax", () => {
    const text = '"a\\"b": 1\n\'it\'\'s\': 2\n"- dash": 3\n"#hash": 4\n? explicit\n: 5\n';
    expect(lineOf(text, ['a"b'])).toBe(1);
    expect(lineOf(text, ["it's"])).toBe(2);
    expect(lineOf(text, ["- dash"])).toBe(3);
    expect(lineOf(text, ["#hash"])).toBe(4);
    expect(lineOf(text, ["explicit"])).toBe(5);
  });

  it("counts lines after multi-line strings of every style", () => {
    const text = [
      'a: "double quoted', //   1
      '  over: two lines"', // 2
      "b: 'single", //          3
      "  c: still b'", //       4
      "d: plain text", //       5
      "  - still d", //         6
      "f: >-", //               7
      "  folded", //            8
      "g: 1", //                9
    ].join("\n");
    expect([lineOf(text, ["b"]), lineOf(text, ["d"]), lineOf(text, ["f"]), lineOf(text, ["g"])]).toEqual([
      3, 5, 7, 9,
    ]);
    expect(lineOf(text, ["b", "c"])).toBe(3);
  });

  it("finds keys below a key line that carries an anchor or a tag", () => {
    const text = "team: &team\n  plan: huge\nroles: !!map\n  tester:\n    model: x\n";
    expect(lineOf(text, ["team", "plan"])).toBe(2);
    expect(lineOf(text, ["roles", "tester", "model"])).toBe(5);
  });

  it("finds a key in a JSON document", () => {
    expect(lineOf('{\n  "team": {\n    "plan": "huge"\n  }\n}\n', ["team", "plan"])).toBe(3);
  });
});

describe("readYaml: what it refuses", () => {
  it("refuses an unknown or executable tag instead of reading it as a string", () => {
    const read = readYaml('plan: !!js/function "function () {}"\n');
    expect(read).toMatchObject({ ok: false, at: { line: 1, column: 7 } });
  });

  it("refuses a duplicated key at its second occurrence, and a second document", () => {
    expect(readYaml("a: 1\nb: 2\na: 3\n")).toMatchObject({ ok: false, at: { line: 3, column: 1 } });
    expect(readYaml("a: 1\n---\nb: 2\n")).toMatchObject({ ok: false });
  });

  it("reads only the core schema: dates and yes stay strings", () => {
    expect(readYaml("d: 2026-12-15\ny: yes\nn: ~\n")).toMatchObject({
      ok: true,
      value: { d: "2026-12-15", y: "yes", n: null },
    });
  });

  it("refuses an alias bomb and nesting past the bound, without a position", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of [..."bcdefghij"].entries()) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(",")}]`);
    }
    const bomb = readYaml(lines.join("\n"));
    expect(bomb).toEqual({
      ok: false,
      message: expect.stringContaining(`more than ${MAX_YAML_VALUES} values`),
    });
    expect(readYaml(`a: ${"[".repeat(70)}${"]".repeat(70)}`)).toMatchObject({ ok: false });
  });

  it("refuses thousands of nesting levels before parsing them, in every style", () => {
    const deepBlock = Array.from({ length: 200 }, (_, i) => `${" ".repeat(2 * i)}a:`).join("\n");
    for (const text of [`role: ${"x: ".repeat(16_000)}`, `k: ${"{x ".repeat(16_000)}`, deepBlock]) {
      expect(readYaml(text)).toEqual({ ok: false, message: expect.stringContaining("more than") });
    }
    const fine = Array.from({ length: 40 }, (_, i) => `${" ".repeat(4 * i)}a:`).join("\n");
    expect(readYaml(fine).ok).toBe(true);
  });

  it("refuses an alias used before its anchor", () => {
    expect(readYaml("a: *x\nb: &x 1\n")).toMatchObject({ ok: false });
  });
});
