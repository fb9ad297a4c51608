import { describe, expect, it } from "vitest";
import { parsePrp } from "../../src/prp/parse-prp.js";
import { fixture } from "./fixture.js";

const parse = (name: string, options = {}) => {
  const result = parsePrp(fixture(name), { file: name, ...options });
  if (!result.prp) throw new Error(`no prp for ${name}`);
  return { ...result, prp: result.prp };
};

describe("parsePrp: the shapes people write", () => {
  it("reads our front matter, normalising P1, #12 and keeping foreign keys as metadata with a warning", () => {
    const { ok, prp, errors, warnings } = parse("front-matter.md");
    expect(ok).toBe(true);
    expect(errors).toEqual([]);
    expect(prp).toMatchObject({
      title: "Add rate limiting to the public API",
      role: "developer",
      priority: "high",
      dependsOn: ["12", "15"],
      paths: ["src/api/**", "test/api/**"],
      validation: ["npm test", "npm run lint"],
      timeoutMinutes: 90,
      model: "sonnet",
      deadline: "2026-12-15",
      metadata: { status: "ready", author: "maria" },
      source: { format: "front-matter", file: "front-matter.md" },
    });
    expect(prp.criteria).toEqual([
      { text: "429 returned after 100 requests/minute per token", checked: false, line: 25 },
      { text: "Limits configurable per plan", checked: true, line: 26 },
      { text: "`Retry-After` header set on every 429", checked: false, line: 27 },
    ]);
    expect(warnings).toEqual([
      { field: "status", line: 14, message: "`status` is not a Lanes key; kept as metadata" },
      { field: "author", line: 15, message: "`author` is not a Lanes key; kept as metadata" },
    ]);
    expect(prp.body.startsWith("# Add rate limiting")).toBe(true);
    expect(prp.sections.map((s) => [s.heading, s.level, s.line])).toEqual([
      ["Add rate limiting to the public API", 1, 17],
      ["Goal", 2, 19],
      ["Success Criteria", 2, 23],
    ]);
  });

  it("reads the template layout without front matter: nested criteria, shell blocks under Validation only", () => {
    const { ok, prp } = parse("template-layout.md");
    expect(ok).toBe(true);
    expect(prp.source.format).toBe("plain");
    expect(prp.title).toBe("Export invoices as CSV");
    expect(prp.criteria.map((c) => [c.text, c.checked])).toEqual([
      ["The CSV has one row per invoice with number, date, customer, net, tax, gross", false],
      ["Amounts use a dot as decimal separator whatever the locale", false],
      ["including negative credit notes", false],
      ["The endpoint needs the `invoices:read` scope", true],
    ]);
    // `$ ` prompts and comments stripped, continuation joined, python skipped, console output skipped,
    // the Implementation Blueprint's bash block ignored, a backticked checklist command kept.
    expect(prp.validation).toEqual([
      "npm run lint",
      "npx tsc --noEmit",
      "npm test -- invoices --reporter=dot",
      "curl -f http://localhost:3000/invoices.csv?month=2026-03",
      "npm run build",
    ]);
    expect(prp.priority).toBe("medium");
    expect(prp.role).toBeUndefined();
  });

  it("reads loose key: value lines at the top, across a blank line before another known key", () => {
    const { ok, prp, warnings } = parse("unfenced-header.md");
    expect(ok).toBe(true);
    expect(prp.source.format).toBe("unfenced");
    expect(prp.title).toBe("Password reset by e-mail");
    expect(prp.priority).toBe("high");
    expect(prp.metadata.description).toBe(
      "Users who forgot their password get a one-time link by e-mail.\nThe link expires after 30 minutes.\n",
    );
    expect(prp.criteria).toHaveLength(2);
    expect(prp.validation).toEqual(["npm test -- reset"]);
    expect(warnings.map((w) => [w.field, w.line])).toEqual([
      ["name", 1],
      ["description", 2],
    ]);
    expect(prp.body.startsWith("\n---\n\n## Goal")).toBe(true);
    expect(prp.sections[0]).toMatchObject({ heading: "Goal", line: 10 });
  });

  it("reads metadata from a Field | Value table, stripping emphasis and code ticks", () => {
    const { ok, prp, warnings } = parse("table-metadata.md");
    expect(ok).toBe(true);
    expect(prp).toMatchObject({
      title: "PRP-7: Audit log for admin actions",
      role: "developer",
      priority: "high",
      dependsOn: ["3", "5"],
      paths: ["src/admin/**", "src/audit/**"],
      validation: ["npm test -- audit"],
      metadata: { "PRP ID": "7", "Story Points": "5", Status: "Ready for Implementation" },
      source: { format: "table" },
    });
    expect(prp.criteria).toHaveLength(2);
    expect(warnings.map((w) => [w.field, w.line])).toEqual([
      ["PRP ID", 6],
      ["Story Points", 11],
      ["Status", 12],
    ]);
  });

  it("treats a --- block of prose as prose, not an error, and finds Definition of Done criteria", () => {
    const { ok, prp, warnings } = parse("prose-block.md");
    expect(ok).toBe(true);
    expect(prp.source.format).toBe("plain");
    expect(prp.body).toBe(fixture("prose-block.md"));
    expect(prp.criteria).toHaveLength(2);
    expect(prp.validation).toEqual(["npm run test:cache"]);
    expect(warnings[0]).toEqual({
      field: "front matter",
      line: 1,
      message: "the block between `---` lines is not key: value YAML; read as prose",
    });
  });

  it("keeps every foreign key another PRP tool writes, and takes the title from `name` when there is no H1", () => {
    const { ok, prp, warnings } = parse("foreign-front-matter.md");
    expect(ok).toBe(true);
    expect(prp.title).toBe("Search suggestions");
    expect(Object.keys(prp.metadata)).toEqual([
      "name",
      "description",
      "prp_id",
      "status",
      "created_date",
      "context_sync",
      "version",
    ]);
    expect(prp.metadata.context_sync).toEqual({ docs_updated: false });
    expect(warnings.filter((w) => w.field !== "criteria")).toHaveLength(7);
    expect(prp.criteria).toHaveLength(2);
  });

  it("prefers the H1, then the issue title, then front-matter title/name", () => {
    expect(parsePrp("# From heading\n", { issueTitle: "From issue" }).prp?.title).toBe("From heading");
    expect(parsePrp("---\nname: From name\n---\nbody\n", { issueTitle: "From issue" }).prp?.title).toBe(
      "From issue",
    );
    expect(parsePrp("---\ntitle: From title\nname: From name\n---\nbody\n").prp?.title).toBe("From title");
    expect(parsePrp("---\nname: From name\n---\nbody\n").prp?.title).toBe("From name");
  });

  it("accepts depends_on as one value, a comma list, #refs and backlog ids, and other key spellings", () => {
    const one = parsePrp("---\ndepends-on: '#12'\n---\n# T\n");
    expect(one.prp?.dependsOn).toEqual(["12"]);
    const many = parsePrp("---\ndependsOn: '#012, auth-api, 7'\nTimeout: 30\n---\n# T\n");
    expect(many.errors).toEqual([]);
    expect(many.prp?.dependsOn).toEqual(["12", "auth-api", "7"]);
    expect(many.prp?.timeoutMinutes).toBe(30);
  });

  it("takes the role from the defaults when the PRP has none, and P0..P3 and case variants as priorities", () => {
    expect(parsePrp("# T\n", { defaults: { role: "tester" } }).prp?.role).toBe("tester");
    expect(parsePrp("---\npriority: p0\nrole: Documentation Writer\n---\n# T\n").prp).toMatchObject({
      priority: "critical",
      role: "documentation_writer",
    });
    expect(parsePrp("---\npriority: LOW\n---\n# T\n").prp?.priority).toBe("low");
  });

  it("reads CRLF text and a byte-order mark like plain LF text", () => {
    const text = fixture("front-matter.md");
    const crlf = parsePrp(`\uFEFF${text.replace(/\n/g, "\r\n")}`).prp;
    const lf = parsePrp(text).prp;
    expect(crlf?.criteria).toEqual(lf?.criteria);
    expect(crlf?.dependsOn).toEqual(lf?.dependsOn);
  });

  it("warns, without failing, when there is no success-criteria checklist", () => {
    const result = parsePrp("# Just a title\n\nSome words.\n");
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        field: "criteria",
        line: 1,
        message: "no `- [ ]` checklist under a Success Criteria heading; expected at least one criterion",
      },
    ]);
  });

  it("falls back to a Final Validation Checklist when there is no criteria section, and ignores it when there is one", () => {
    const only =
      "# T\n\n## Success Definition\n[Measurable criteria]\n\n## Final Validation Checklist\n\n### Technical\n- [ ] All tests pass\n- [x] No lint errors\n";
    expect(parsePrp(only).prp?.criteria).toEqual([
      { text: "All tests pass", checked: false, line: 9 },
      { text: "No lint errors", checked: true, line: 10 },
    ]);
    const both =
      "# T\n\n## Success Criteria\n- [ ] the real criterion\n\n## Final Validation Checklist\n- [ ] tests pass\n";
    expect(parsePrp(both).prp?.criteria.map((c) => c.text)).toEqual(["the real criterion"]);
  });

  it("ignores checklists and headings inside code fences", () => {
    const text =
      "# T\n\n## Success Criteria\n\n```md\n## Other\n- [ ] not a criterion\n```\n- [ ] a criterion\n";
    expect(parsePrp(text).prp?.criteria).toEqual([{ text: "a criterion", checked: false, line: 9 }]);
  });
  it("reads the scripted agent's steps and rejects a step it does not know, naming the step", () => {
    const ok = parsePrp(
      "---\nagent_script:\n  - write: src/a.ts\n    content: export {}\n  - commit: add a\n---\n# T\n",
    );
    expect(ok.prp?.agentScript).toEqual([{ write: "src/a.ts", content: "export {}" }, { commit: "add a" }]);
    const bad = parsePrp("---\nagent_script:\n  - commit: add a\n  - run: rm -rf /\n---\n# T\n");
    expect(bad.errors).toEqual([
      {
        field: "agent_script[1]",
        line: 4,
        message:
          "expected a list of steps {write, content} | {append, content} | {delete} | {commit} | {fail} | {ask} | {done}, got a mapping",
      },
    ]);
  });

  it("accepts a deadline with a time of day", () => {
    expect(parsePrp("---\ndeadline: 2026-12-15T17:00:00Z\n---\n# T\n").prp?.deadline).toBe(
      "2026-12-15T17:00:00Z",
    );
  });
});
