import { describe, expect, it } from "vitest";
import { YamlKeyLines } from "../../src/config/yaml-key-lines.js";

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
  "    continued: on a second line", //  25
  "  prefix: x", //                      26
].join("\n");

describe("YamlKeyLines", () => {
  const lines = new YamlKeyLines(TEXT);

  it("finds nested mapping keys", () => {
    expect(lines.lineOf(["team"])).toBe(2);
    expect(lines.lineOf(["team", "plan"])).toBe(3);
    expect(lines.lineOf(["redis", "prefix"])).toBe(26);
  });

  it("finds sequence items written at the parent key's indent and deeper", () => {
    expect(lines.lineOf(["integration", "order", 0])).toBe(7);
    expect(lines.lineOf(["integration", "order", 1])).toBe(8);
    expect(lines.lineOf(["integration", "validation"])).toBe(9);
    expect(lines.lineOf(["integration", "validation", 1])).toBe(11);
  });

  it("finds keys of mappings inside sequence items", () => {
    expect(lines.lineOf(["roles", "tester", "paths", 0, "glob"])).toBe(20);
    expect(lines.lineOf(["roles", "tester", "paths", 1, "name"])).toBe(21);
  });

  it("skips block scalars and continuation lines instead of reading keys in them", () => {
    expect(lines.lineOf(["organisation_context"])).toBe(14);
    expect(lines.lineOf(["retry"])).toBe(22);
    expect(lines.lineOf(["redis", "url", "continued"])).toBe(24);
  });

  it("resolves paths inside flow collections to the enclosing key's line", () => {
    expect(lines.lineOf(["retry", "attempts"])).toBe(22);
  });

  it("returns undefined for a path that appears nowhere", () => {
    expect(lines.lineOf(["nowhere", "at_all"])).toBeUndefined();
    expect(lines.lineOf([])).toBeUndefined();
  });
});
