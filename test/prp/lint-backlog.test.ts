import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PrpReadError } from "../../src/prp/errors.js";
import { lintBacklog } from "../../src/prp/lint-backlog.js";
import { backlogIdOf, loadBacklog } from "../../src/backlog/load-backlog.js";
import { parsePrp } from "../../src/prp/parse-prp.js";
import { makeTempDir } from "../support/tmp.js";

const DIR = new URL("../fixtures/prp-backlog/", import.meta.url).pathname;

describe("loadBacklog", () => {
  it("takes the id from the file's leading number, else its slug, and skips READMEs", async () => {
    const files = await loadBacklog(DIR);
    expect(files.map((f) => [f.id, f.aliases])).toEqual([
      ["1", ["01-schema", "schema"]],
      ["2", ["02-api", "api"]],
      ["3", ["03-ui", "ui"]],
      ["4", ["04-auth", "auth"]],
    ]);
    expect(backlogIdOf("auth-api.md")).toEqual({ id: "auth-api", aliases: [] });
    expect(backlogIdOf("12.md")).toEqual({ id: "12", aliases: ["12"] });
  });

  it("names the folder when it does not exist", async () => {
    await expect(loadBacklog("/nonexistent/backlog")).rejects.toThrow(PrpReadError);
    await expect(loadBacklog("/nonexistent/backlog")).rejects.toThrow(
      "cannot read backlog folder /nonexistent/backlog",
    );
  });
});

describe("lintBacklog", () => {
  it("reports per-file errors, the unknown dependency and the cycle by name, and orders the rest", async () => {
    const files = await loadBacklog(DIR);
    const report = lintBacklog(files.map((f) => ({ ...f, result: parsePrp(f.text, { file: f.file }) })));
    expect(report.ok).toBe(false);
    const auth = report.files.find((f) => f.id === "4");
    expect(auth?.errors).toEqual([
      { field: "priorty", line: 4, message: "unknown key `priorty`: did you mean `priority`?" },
    ]);
    expect(report.graph.issues).toEqual([
      {
        kind: "unknown-dependency",
        ids: ["3", "9"],
        message: "PRP 3 depends on 9, which is not a known PRP",
      },
      { kind: "cycle", ids: ["2", "4"], message: "dependency cycle: 2 → 4 → 2" },
    ]);
    expect(report.graph.order).toEqual(["1"]);
    expect(report.ready).toEqual(["1"]);
    expect(report.invalid).toEqual(["2", "3", "4"]);
  });

  it("resolves slugs to ids, orders by dependency then priority, and splits ready from blocked", () => {
    const entry = (id: string, aliases: string[], text: string) => ({
      id,
      aliases,
      file: `${id}.md`,
      result: parsePrp(text),
    });
    const report = lintBacklog(
      [
        entry("1", ["01-db", "db"], "---\npriority: low\n---\n# DB\n## Success Criteria\n- [ ] x\n"),
        entry("2", ["02-api", "api"], "---\ndepends_on: db\n---\n# API\n## Success Criteria\n- [ ] x\n"),
        entry(
          "3",
          ["03-docs", "docs"],
          "---\npriority: critical\n---\n# Docs\n## Success Criteria\n- [ ] x\n",
        ),
      ],
      new Set(["3"]),
    );
    expect(report.ok).toBe(true);
    expect(report.graph.order).toEqual(["3", "1", "2"]);
    expect(report.ready).toEqual(["1"]);
    expect(report.blocked).toEqual([{ id: "2", waitingOn: ["1"] }]);
  });

  it("reports two files that claim the same id", async () => {
    const dir = await makeTempDir();
    try {
      await writeFile(join(dir.path, "1-a.md"), "# A\n");
      await writeFile(join(dir.path, "01-b.md"), "# B\n");
      const files = await loadBacklog(dir.path);
      const report = lintBacklog(files.map((f) => ({ ...f, result: parsePrp(f.text) })));
      expect(report.ok).toBe(false);
      const messages = report.files.flatMap((f) => f.errors.map((e) => `${e.field}: ${e.message}`));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^id: id 1 is also used by .*(1-a|01-b)\.md; expected one PRP per id$/);
    } finally {
      await dir.remove();
    }
  });
});
