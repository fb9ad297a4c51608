// Fuzz: parsePrp never throws, never falls into its internal safety net, and always returns the
// result shape — on random text, on mutations of every fixture, and on hostile YAML.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrp } from "../../src/prp/parse-prp.js";
import { ParseResultSchema } from "../../src/prp/schema.js";
import { prpTextArb } from "./arbitraries.js";
import { fixture, fixtureNames } from "./fixture.js";

const fixtures = fixtureNames().map(fixture);

function check(text: string): void {
  const result = parsePrp(text);
  expect(() => ParseResultSchema.parse(result)).not.toThrow();
  expect(result.prp).toBeDefined();
  expect(result.ok).toBe(result.errors.length === 0);
  const lastLine = text.split("\n").length + 1;
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(issue.message).not.toMatch(/internal parser error/);
    expect(issue.line).toBeLessThanOrEqual(lastLine);
  }
}

type Mutation = (lines: string[]) => string[];
const at = (lines: string[], i: number) => Math.abs(i) % Math.max(1, lines.length);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (ls: string[]) => ls.filter((_, n) => n !== at(ls, i))),
  fc.nat().map((i) => (ls: string[]) => [...ls.slice(0, at(ls, i) + 1), ...ls.slice(at(ls, i))]),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        "---",
        "---js",
        "```",
        "~~~",
        "\t",
        "\0",
        "- [ ]",
        "| Field | Value |",
        "key: [",
        "&a *a",
        "# ",
        "#",
      ),
    )
    .map(([i, s]) => (ls: string[]) => [...ls.slice(0, at(ls, i)), s, ...ls.slice(at(ls, i))]),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, j, byte]) => (ls: string[]) => {
    const copy = [...ls];
    const n = at(copy, i);
    const line = copy[n] ?? "";
    const k = line.length === 0 ? 0 : j % line.length;
    copy[n] = line.slice(0, k) + String.fromCharCode(byte) + line.slice(k + 1);
    return copy;
  }),
  fc.nat().map((i) => (ls: string[]) => ls.map((l, n) => (n === at(ls, i) ? l.replace(/ /g, "\t") : l))),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 50_000 })).map(([i, size]) => (ls: string[]) => {
    const copy = [...ls];
    copy[at(copy, i)] = `${copy[at(copy, i)] ?? ""}${"x: ".repeat(size / 3)}`;
    return copy;
  }),
  fc
    .string({ unit: "binary", maxLength: 20 })
    .chain((u) => fc.nat().map((i) => (ls: string[]) => ls.map((l, n) => (n === at(ls, i) ? l + u : l)))),
);

const mutatedArb = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(mutationArb, { minLength: 1, maxLength: 5 }))
  .map(([text, mutations]) => mutations.reduce((lines, m) => m(lines), text.split("\n")).join("\n"));

const hostile = [
  `---\n${"a:\n  ".repeat(3000)}b: 1\n---\n# Deep\n`,
  `---\nk: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n# Deep flow\n`,
  `---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\nrole: [*d, *d, *d, *d]\n---\n# Bomb\n`,
  `---\n<<: *undefined\n---\n# T\n`,
  `---\n!!js/function "function () { process.exit(1) }"\n---\n# T\n`,
  `---\nrole: !!js/undefined ''\n---\n# T\n`,
  `---\n__proto__: {polluted: true}\nconstructor: x\n---\n# T\n`,
  "---constructor\nx\n---\n# T\n",
  "---toString\nx\n---\n# T\n",
  "\0".repeat(10_000),
  "#".repeat(100_000),
  "- [ ] ".repeat(20_000),
  `# T\n\n${"```\n".repeat(5_000)}`,
  `${"| Field | Value |\n|---|---|\n".repeat(2_000)}`,
  "---\n---\n---\n---\n",
  "---",
  "",
  "\uFEFF",
  "\r\n\r\n---\r\n",
];

describe("parsePrp fuzz", () => {
  it("survives 400 random strings (ASCII, full unicode, markdown-ish alphabets)", () => {
    const markdownish = fc.string({
      unit: fc.constantFrom(
        "-",
        " ",
        "[",
        "]",
        "x",
        "#",
        ":",
        "|",
        "`",
        "\n",
        "\t",
        "a",
        "1",
        "&",
        "*",
        "!",
        "{",
        "}",
        "'",
        '"',
        ">",
        "~",
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), markdownish),
        check,
      ),
      { numRuns: 400 },
    );
  });

  it("survives 500 mutations of the fixtures (line drops and copies, inserted ---, byte flips, tabs, NULs, huge lines, unicode)", () => {
    fc.assert(fc.property(mutatedArb, check), { numRuns: 500 });
  });

  it("survives 200 generated PRPs with a random prefix or suffix", () => {
    fc.assert(
      fc.property(prpTextArb, fc.string({ maxLength: 20 }), fc.boolean(), (text, noise, before) =>
        check(before ? noise + text : text + noise),
      ),
      { numRuns: 200 },
    );
  });

  it.each(hostile.map((text, i) => [i, text] as const))("survives hostile input #%i", (_i, text) => {
    check(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
