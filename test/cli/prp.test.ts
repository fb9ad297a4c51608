import { describe, expect, it } from "vitest";
import { lanes } from "../support/cli.js";

const FIXTURES = "test/fixtures/prp";

describe("lanes prp parse", () => {
  it("prints exactly ok, prp, errors as JSON (warnings inside prp) and exits 0 for a valid PRP", async () => {
    const result = await lanes(["prp", "parse", `${FIXTURES}/front-matter.md`, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["ok", "prp", "errors"]);
    expect(json).toMatchObject({
      ok: true,
      errors: [],
      prp: {
        title: "Add rate limiting to the public API",
        role: "developer",
        priority: "high",
        dependsOn: ["12", "15"],
      },
    });
  });

  it("summarises a PRP for people: title, role, priority, deps, criteria, validation, warnings", async () => {
    const result = await lanes(["prp", "parse", `${FIXTURES}/table-metadata.md`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("test/fixtures/prp/table-metadata.md: ok");
    expect(result.stdout).toContain("title       PRP-7: Audit log for admin actions");
    expect(result.stdout).toContain("depends on  3, 5");
    expect(result.stdout).toContain("criteria    2");
    expect(result.stdout).toContain("    $ npm test -- audit");
    expect(result.stdout).toContain(
      "test/fixtures/prp/table-metadata.md:11: Story Points: `Story Points` is not a Lanes key; kept as metadata",
    );
  });

  it("exits 1 for an invalid PRP and lists errors as file:line: field: message", async () => {
    const result = await lanes(["prp", "parse", `${FIXTURES}/invalid.md`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("invalid.md: INVALID");
    expect(result.stdout).toContain(
      "test/fixtures/prp/invalid.md:3: priorty: unknown key `priorty`: did you mean `priority`?",
    );
    const json = JSON.parse((await lanes(["prp", "parse", `${FIXTURES}/invalid.md`, "--json"])).stdout) as {
      ok: boolean;
      errors: unknown[];
    };
    expect(json.ok).toBe(false);
    expect(json.errors).toContainEqual({
      field: "deadline",
      line: 8,
      message: 'expected a date like 2026-12-15, got "2026-02-30"',
    });
  });

  it("uses --title when the file has no heading", async () => {
    const result = await lanes([
      "prp",
      "parse",
      `${FIXTURES}/unfenced-header.md`,
      "--title",
      "Issue title",
      "--json",
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ prp: { title: "Issue title" } });
  });

  it("exits 1 naming the path when the file does not exist, without a stack trace", async () => {
    const result = await lanes(["prp", "parse", "no/such/prp.md"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "lanes: cannot read PRP file no/such/prp.md: it does not exist or is not readable\n",
    );
    expect(result.stdout).toBe("");
  });

  it("exits 2 when the file argument is missing", async () => {
    const result = await lanes(["prp", "parse"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'file'");
  });
});

describe("lanes prp lint", () => {
  it("passes the example backlog: every PRP ok, the build order, ready and blocked", async () => {
    const result = await lanes(["prp", "lint", "examples/backlog"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("examples/backlog: 6 PRPs, ok");
    expect(result.stdout).toContain("order:   1 → 2 → 3 → 4 → 5 → 6");
    expect(result.stdout).toContain("ready:   1, 5");
    expect(result.stdout).toContain("4 (waiting on 2, 3)");
  });

  it("gives every example PRP success criteria and a validation command", async () => {
    const lint = JSON.parse((await lanes(["prp", "lint", "examples/backlog", "--json"])).stdout) as {
      files: { file: string }[];
    };
    for (const { file } of lint.files) {
      const parsed = JSON.parse((await lanes(["prp", "parse", file, "--json"])).stdout) as {
        prp: { criteria: unknown[]; validation: unknown[] };
      };
      expect(parsed.prp.criteria.length, file).toBeGreaterThan(0);
      expect(parsed.prp.validation.length, file).toBeGreaterThan(0);
    }
  });

  it("exits 1 on a backlog with a cycle and an unknown dependency, naming the PRPs", async () => {
    const result = await lanes(["prp", "lint", "test/fixtures/prp-backlog"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("graph: cycle: dependency cycle: 2 → 4 → 2");
    expect(result.stdout).toContain(
      "graph: unknown-dependency: PRP 3 depends on 9, which is not a known PRP",
    );
    expect(result.stdout).toContain(
      "test/fixtures/prp-backlog/04-auth.md:4: priorty: unknown key `priorty`: did you mean `priority`?",
    );
    const json = JSON.parse((await lanes(["prp", "lint", "test/fixtures/prp-backlog", "--json"])).stdout) as {
      ok: boolean;
      invalid: string[];
    };
    expect(json).toMatchObject({ ok: false, invalid: ["2", "3", "4"] });
  });

  it("exits 1 naming a folder that does not exist", async () => {
    const result = await lanes(["prp", "lint", "no/such/dir"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^lanes: cannot read backlog folder .*no\/such\/dir: it does not exist or is not readable\n$/,
    );
  });
});
