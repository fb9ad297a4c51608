import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

const full = readFileSync("test/fixtures/config/full.yml", "utf8");

/** Either a config, or a ConfigError whose issues all carry a path and a message: never anything else. */
function loadsOrExplains(text: string): boolean {
  try {
    loadConfig(text);
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return (
      error.issues.length > 0 &&
      error.issues.every(
        (i) => typeof i.path === "string" && i.message.length > 0 && (i.line === null || i.line >= 1),
      )
    );
  }
}

describe("loadConfig on arbitrary input", () => {
  it("never crashes on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => loadsOrExplains(text)),
      { numRuns: 500 },
    );
  });

  it("never crashes on mutations of a valid file (lines dropped, duplicated, re-indented, characters changed)", () => {
    const lines = full.split("\n");
    const mutation = fc.array(
      fc.record({
        at: fc.nat({ max: lines.length - 1 }),
        kind: fc.constantFrom("drop", "dup", "indent", "dedent", "char"),
        ch: fc.constantFrom(":", "-", "{", "[", "'", '"', "#", "|", " ", "x"),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(mutation, (edits) => {
        const copy = [...lines];
        for (const { at, kind, ch } of edits) {
          const line = copy[at] ?? "";
          if (kind === "drop") copy.splice(at, 1);
          else if (kind === "dup") copy.splice(at, 0, line);
          else if (kind === "indent") copy[at] = `  ${line}`;
          else if (kind === "dedent") copy[at] = line.replace(/^ {1,2}/, "");
          else
            copy[at] = `${line.slice(0, at % (line.length + 1))}${ch}${line.slice(at % (line.length + 1))}`;
        }
        return loadsOrExplains(copy.join("\n"));
      }),
      { numRuns: 700 },
    );
  });

  it("finds the line of every issue it reports in mutated valid files", () => {
    const text = full.replace("threshold: 0.9", "threshold: 9").replace("attempts: 4", "attempts: four");
    const error = (() => {
      try {
        loadConfig(text);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error("expected a ConfigError");
    })();
    const lines = text.split("\n");
    for (const issue of error.issues) {
      const key = issue.path.split(".").pop() ?? "";
      expect(lines[(issue.line ?? 0) - 1], issue.path).toContain(`${key}:`);
    }
  });
});
