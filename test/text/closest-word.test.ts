import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestWord, editDistance } from "../../src/text/closest-word.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("priority", "priority")).toBe(0);
    expect(editDistance("priorty", "priority")).toBe(1);
    expect(editDistance("priorityy", "priority")).toBe(1);
    expect(editDistance("prioritz", "priority")).toBe(1);
    expect(editDistance("rolse", "roles")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("is symmetric and zero only for equal words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe("closestWord", () => {
  const keys = ["role", "priority", "depends_on", "paths", "validation", "timeout_minutes"];

  it("suggests the key a typo was meant to be", () => {
    expect(closestWord("priorty", keys)).toBe("priority");
    expect(closestWord("depends-on", keys)).toBe("depends_on");
    expect(closestWord("Role", keys)).toBe("role");
    expect(closestWord("validaton", keys)).toBe("validation");
  });

  it("prefers the nearest of several close keys", () => {
    expect(closestWord("pathss", ["path", "patch", "paths"])).toBe("paths");
    expect(closestWord("pathz", ["patch", "paths"])).toBe("paths");
  });

  it("suggests a key that starts with an abbreviation of three letters or more", () => {
    expect(closestWord("timeout", keys)).toBe("timeout_minutes");
    expect(closestWord("monitor", ["sysadmin", "monitoringops"])).toBe("monitoringops");
  });

  it("suggests a role or a value as readily as a key: one tolerance for every caller", () => {
    expect(closestWord("develper", ["developer", "tester", "reviewer"])).toBe("developer");
    expect(closestWord("priorty", ["role", "priority"])).toBe("priority");
    expect(closestWord("hgih", ["critical", "high", "medium", "low"])).toBe("high");
  });

  it("suggests nothing for words that are not near any key", () => {
    expect(closestWord("name", keys)).toBeUndefined();
    expect(closestWord("status", keys)).toBeUndefined();
    expect(closestWord("x", keys)).toBeUndefined();
    expect(closestWord("anything", [])).toBeUndefined();
    expect(closestWord("assignee", ["role", "priority"])).toBeUndefined();
    expect(closestWord("p".repeat(41), ["p".repeat(41)])).toBeUndefined();
  });
});
