import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { gateConfigFrom } from "../../src/gates/gate-config.js";
import { gateMode } from "../../src/gates/registry.js";

describe("gateConfigFrom", () => {
  it("takes modes and thresholds from lanes.yml", () => {
    const config = gateConfigFrom(
      loadConfig(
        [
          "commit_cadence_minutes: 45",
          "branches: { pattern: 'agents/{role}/{issue}' }",
          "gates:",
          "  prp: { mode: optional, threshold: 0.5 }",
          "  commits: { mode: off, max_subject_length: 60 }",
          "  validation: { timeout_minutes: 5 }",
          "  lane: { max_foreign_files: 2 }",
        ].join("\n"),
      ),
    );
    expect(config).toMatchObject({
      prpCoverage: 0.5,
      subjectMaxLength: 60,
      commitCadenceMinutes: 45,
      validationTimeoutMinutes: 5,
      branchPattern: "agents/{role}/{issue}",
      maxForeignFiles: 2,
    });
    expect(gateMode("prp", config)).toBe("optional");
    expect(gateMode("commits", config)).toBe("off");
    expect(gateMode("integration", config)).toBe("required");
  });

  it("gives the documented defaults for an empty file", () => {
    const config = gateConfigFrom(loadConfig(""));
    expect(config).toMatchObject({
      prpCoverage: 0.8,
      subjectMaxLength: 72,
      commitCadenceMinutes: 30,
      maxForeignFiles: 0,
    });
    expect(gateMode("lane", config)).toBe("optional");
  });
});
