import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, type ConfigIssue } from "../../src/config/index.js";

function issuesOf(text: string): ConfigIssue[] {
  try {
    loadConfig(text, { file: "lanes.yml" });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  return [];
}

describe("lanes.yml refuses a dangerous worktree_root and an oversized context (issue 17, item 6)", () => {
  it.each(["/", "../../..", "..", ".", "C:\\\\", "~", "/..", "a/../../.."])(
    "refuses worktree_root: %s",
    (root) => {
      const issues = issuesOf(`worktree_root: "${root}"\n`);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ line: 1 });
      expect(issues[0]?.message).toContain("refused: it ");
    },
  );

  it.each([".lanes/worktrees", "../demo-worktrees", "/srv/lanes/worktrees", "work/trees"])(
    "accepts worktree_root: %s",
    (root) => {
      expect(loadConfig(`worktree_root: "${root}"\n`).worktree_root).toBe(root);
    },
  );

  it("refuses an organisation_context of megabytes, accepts a page", () => {
    const issues = issuesOf(`organisation_context: "${"x".repeat(5_600_000)}"\n`);
    expect(issues[0]?.message).toContain("at most 20000 characters");
    expect(loadConfig(`organisation_context: "${"x".repeat(2_000)}"\n`).organisation_context).toHaveLength(
      2_000,
    );
  });
});
