import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestKey, editDistance } from "../../src/config/index.js";

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

describe("closestKey", () => {
  const keys = ["role", "priority", "depends_on", "paths", "validation", "timeout_minutes"];

  it("suggests the key a typo was meant to be", () => {
    expect(closestKey("priorty", keys)).toBe("priority");
    expect(closestKey("depends-on", keys)).toBe("depends_on");
    expect(closestKey("Role", keys)).toBe("role");
    expect(closestKey("validaton", keys)).toBe("validation");
  });

  it("prefers the nearest of several close keys", () => {
    expect(closestKey("pathss", ["path", "patch", "paths"])).toBe("paths");
    expect(closestKey("pathz", ["patch", "paths"])).toBe("paths");
  });

  it("suggests a key that starts with an abbreviation of three letters or more", () => {
    expect(closestKey("timeout", keys)).toBe("timeout_minutes");
    expect(closestKey("monitor", ["sysadmin", "monitoringops"])).toBe("monitoringops");
  });

  it("suggests nothing for words that are not near any key", () => {
    expect(closestKey("name", keys)).toBeUndefined();
    expect(closestKey("status", keys)).toBeUndefined();
    expect(closestKey("x", keys)).toBeUndefined();
    expect(closestKey("anything", [])).toBeUndefined();
  });
});
