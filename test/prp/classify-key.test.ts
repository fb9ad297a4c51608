import { describe, expect, it } from "vitest";
import { classifyKey, normalizeKey } from "../../src/prp/classify-key.js";

describe("classifyKey", () => {
  it("accepts other spellings of our keys, flags typos, and keeps other tools' keys as foreign", () => {
    expect(normalizeKey("dependsOn")).toBe("depends_on");
    expect(classifyKey("Depends-On")).toEqual({ kind: "ours", field: "depends_on" });
    expect(classifyKey("timeoutMinutes")).toEqual({ kind: "ours", field: "timeout_minutes" });
    expect(classifyKey("priorty")).toEqual({ kind: "typo", suggestion: "priority" });
    expect(classifyKey("depends_onn")).toEqual({ kind: "typo", suggestion: "depends_on" });
    expect(classifyKey("valdation")).toEqual({ kind: "typo", suggestion: "validation" });
    for (const key of [
      "name",
      "description",
      "status",
      "prp_id",
      "tags",
      "created",
      "author",
      "constructor",
      "__proto__",
    ]) {
      expect(classifyKey(key)).toEqual({ kind: "foreign" });
    }
  });
});
