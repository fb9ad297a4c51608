import { describe, expect, it } from "vitest";
import { PRP_LIMITS } from "../../src/domain/limits.js";
import { parsePrp } from "../../src/prp/index.js";

const criteria = (n: number) => Array.from({ length: n }, (_, i) => `- [ ] criterion ${i}`).join("\n");

describe("the one set of PRP limits, enforced by the parser", () => {
  it("refuses a title over the limit, naming line and limit", () => {
    const result = parsePrp(`intro\n\n# ${"x".repeat(PRP_LIMITS.title + 1)}\n`);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { field: "title", line: 3, message: "at most 256 characters (found 257)" },
    ]);
  });

  it("accepts a title exactly at the limit", () => {
    expect(parsePrp(`# ${"x".repeat(PRP_LIMITS.title)}\n`).ok).toBe(true);
  });

  it("refuses a text over GitHub's issue-body limit", () => {
    const result = parsePrp(`# Big\n${"a".repeat(PRP_LIMITS.body)}`);
    expect(result.errors).toEqual([
      {
        field: "body",
        line: 1,
        message: "at most 65,536 characters, GitHub's issue-body limit (found 65,542)",
      },
    ]);
  });

  it("refuses too many criteria and a criterion too long, at their lines", () => {
    const many = parsePrp(`# T\n## Success Criteria\n${criteria(PRP_LIMITS.criteria + 1)}\n`);
    expect(many.errors).toEqual([
      { field: "criteria", line: 3, message: "at most 100 criteria (found 101)" },
    ]);
    const long = parsePrp(`# T\n## Success Criteria\n- [ ] ok\n- [ ] ${"c".repeat(1001)}\n`);
    expect(long.errors).toEqual([
      { field: "criteria[1]", line: 4, message: "at most 1,000 characters (found 1,001)" },
    ]);
  });

  it("refuses too many paths and too long a command, at the key's line", () => {
    const paths = Array.from({ length: PRP_LIMITS.paths + 1 }, (_, i) => `p${i}/**`).join(", ");
    const result = parsePrp(
      `---\nrole: developer\npaths: [${paths}]\nvalidation:\n  - ${"y".repeat(2001)}\n---\n# T\n`,
    );
    expect(result.errors).toEqual([
      { field: "paths", line: 3, message: "at most 200 paths (found 201)" },
      { field: "validation[0]", line: 4, message: "at most 2,000 characters (found 2,001)" },
    ]);
  });

  it("warns about control characters in a title and script paths that leave the worktree", () => {
    const result = parsePrp(
      [
        "---",
        "agent_script:",
        "  - write: ../../../../tmp/x",
        "    content: hi",
        "  - delete: /etc/passwd",
        "  - write: src/ok.ts",
        "    content: fine",
        "---",
        "# Title \x1b]0;pwned\x07 \x1b[2J end",
        "## Success Criteria",
        "- [ ] done",
      ].join("\n"),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}: ${w.field}: ${w.message}`)).toEqual([
      "9: title: contains control characters (escape sequences?); they are removed wherever it is shown",
      '2: agent_script[0]: path "../../../../tmp/x" leaves the lane\'s worktree; the script agent refuses it',
      '2: agent_script[1]: path "/etc/passwd" leaves the lane\'s worktree; the script agent refuses it',
    ]);
  });
});
