import { describe, expect, it } from "vitest";
import { parsePrp } from "../../src/prp/parse-prp.js";
import { MAX_YAML_VALUES } from "../../src/text/read-yaml.js";
import { fixture } from "./fixture.js";

describe("parsePrp: errors name the field, the line and what was expected", () => {
  const result = parsePrp(fixture("invalid.md"), { file: "invalid.md" });
  const byField = (field: string) => result.errors.find((e) => e.field === field);

  it("fails and reports every mistake, in line order", () => {
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.field, e.line])).toEqual([
      ["role", 2],
      ["priorty", 3],
      ["priority", 4],
      ["depends_on[1]", 7],
      ["deadline", 8],
      ["timeout_minutes", 9],
    ]);
  });

  it("names a typo of our key and the key it probably meant", () => {
    expect(byField("priorty")?.message).toBe("unknown key `priorty`: did you mean `priority`?");
  });

  it("says which roles exist for a bad role", () => {
    expect(byField("role")?.message).toMatch(
      /^expected one of the roles orchestrator, pm, developer, .*, got "wizard"$/,
    );
  });

  it("says which priorities exist for a bad priority", () => {
    expect(byField("priority")?.message).toBe(
      'expected critical, high, medium or low (P0–P3 accepted), got "someday"',
    );
  });

  it("suggests the role or priority a misspelt value was meant to be, as it does for a misspelt key", () => {
    const typos = parsePrp("---\nrole: develper\npriority: hgih\n---\n# T\n");
    expect(typos.errors.map((e) => [e.field, e.message.replace(/^.*, got /, "got ")])).toEqual([
      ["role", 'got "develper"; did you mean `developer`?'],
      ["priority", 'got "hgih"; did you mean `high`?'],
    ]);
  });

  it("points at the bad item of a dependency list, on its own line", () => {
    expect(byField("depends_on[1]")?.message).toBe(
      'expected issue numbers (12 or #12) or backlog ids (auth-api), one or a list, got "not a valid id!"',
    );
  });

  it("rejects a date that does not exist", () => {
    expect(byField("deadline")?.message).toBe('expected a date like 2026-12-15, got "2026-02-30"');
  });

  it("rejects a timeout that is not a number of minutes", () => {
    expect(byField("timeout_minutes")?.message).toBe(
      'expected a whole number of minutes from 1 to 10080, got "forever"',
    );
  });

  it("still returns what it could read, so the caller can show it", () => {
    expect(result.prp).toMatchObject({
      title: "A PRP with every mistake",
      priority: "medium",
      dependsOn: [],
    });
    expect(result.prp?.criteria).toHaveLength(1);
  });

  it("reports a key given twice under two spellings", () => {
    const twice = parsePrp("---\ndepends_on: [1]\ndependsOn: [2]\n---\n# T\n");
    expect(twice.errors).toEqual([
      {
        field: "depends_on",
        line: 3,
        message: "given twice (also as `depends_on` on line 2); expected one value",
      },
    ]);
  });

  it("points at items of a flow list across lines and at explicit keys, where they are written", () => {
    const result = parsePrp(
      '---\nrole: developer\ndepends_on: [12,\n  "not a valid id!"]\n? priority\n: someday\n---\n# T\n',
    );
    expect(result.errors.map((e) => [e.field, e.line])).toEqual([
      ["depends_on[1]", 4],
      ["priority", 5],
    ]);
  });

  it("reports broken YAML in a block meant as metadata at the line the parser stopped", () => {
    const broken = parsePrp("---\nrole: developer\npriority: [high\nmodel: sonnet\n---\n# T\n");
    expect(broken.ok).toBe(false);
    expect(broken.errors[0]?.field).toBe("front matter");
    expect(broken.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(broken.errors[0]?.message).toMatch(/^invalid YAML: .*; expected YAML key: value lines$/);
  });

  it("reports a table row with a bad value at the row's line", () => {
    const table = parsePrp(
      "# T\n\n| Field | Value |\n|---|---|\n| Priority | whenever |\n| Role | dev ops |\n",
    );
    expect(table.errors.map((e) => [e.field, e.line])).toEqual([
      ["priority", 5],
      ["role", 6],
    ]);
  });

  it("fails a PRP without any title", () => {
    const untitled = parsePrp("## Goal\n\nNo H1 here.\n");
    expect(untitled.errors).toEqual([
      {
        field: "title",
        line: 1,
        message: "expected a `# Title` heading, an issue title or a `title:` key; found none",
      },
    ]);
  });
});

describe("front matter is YAML only and bounded", () => {
  it("never runs ---js front matter: no side effect, no exit, an error naming the block", () => {
    const g = globalThis as { __lanesFrontMatterRan?: boolean };
    delete g.__lanesFrontMatterRan;
    const result = parsePrp(fixture("js-front-matter.md"));
    expect(g.__lanesFrontMatterRan).toBeUndefined();
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        field: "front matter",
        line: 1,
        message: "front matter in `js` is not read (never executed); expected YAML between `---` lines",
      },
    ]);
    expect(result.prp?.title).toBe("Looks harmless");
  });

  it("refuses every other front-matter language by name, and runs none of them", () => {
    const g = globalThis as { __lanesFrontMatterRan?: boolean };
    for (const language of ["javascript", "JS", "coffee", "json", "toml"]) {
      const result = parsePrp(`---${language}\n{ a: (globalThis.__lanesFrontMatterRan = true) }\n---\n# T\n`);
      expect(result.ok).toBe(false);
      expect(result.errors[0]?.message).toBe(
        `front matter in \`${language}\` is not read (never executed); expected YAML between \`---\` lines`,
      );
    }
    expect(g.__lanesFrontMatterRan).toBeUndefined();
  });

  it("refuses an executable or unknown YAML tag instead of reading it as a string", () => {
    const result = parsePrp('---\nrole: developer\nmodel: !!js/function "function () {}"\n---\n# T\n');
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ field: "front matter", line: 3 });
    expect(result.errors[0]?.message).toMatch(/^invalid YAML: Unresolved tag: .*js\/function/);
  });

  it("refuses a billion-laughs alias bomb instead of expanding it", () => {
    const names = "abcdefghij";
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < names.length; i += 1) {
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(",")}]`,
      );
    }
    const result = parsePrp(`---\n${lines.join("\n")}\n---\n# Bomb\n`);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ field: "front matter", line: 1 });
    expect(result.errors[0]?.message).toContain(`more than ${MAX_YAML_VALUES} values`);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it("accepts a few small aliases", () => {
    const result = parsePrp("---\nx-base: &base [src/a/**]\npaths: *base\n---\n# T\n");
    expect(result.prp?.paths).toEqual(["src/a/**"]);
    expect(result.prp?.metadata).toEqual({ "x-base": ["src/a/**"] });
  });

  it("reads a --- line with no closing --- as a horizontal rule, not front matter", () => {
    const result = parsePrp("---\n# Title after a rule\n\n## Success Criteria\n- [ ] x\n");
    expect(result.ok).toBe(true);
    expect(result.prp?.title).toBe("Title after a rule");
  });
});
