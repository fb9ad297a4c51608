import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readBacklog } from "../../src/backlog/read-backlog.js";

const MIXED = "test/fixtures/backlog/with-invalid";

describe("readBacklog (the one backlog reader)", () => {
  it("names every problem of an invalid PRP as file:line and keeps only the valid PRPs", async () => {
    const backlog = await readBacklog(resolve(MIXED), { display: MIXED });
    expect(backlog.prps.map((p) => p.id)).toEqual(["1"]);
    expect([...backlog.invalid]).toEqual(["2"]);
    expect(backlog.problems).toEqual([
      expect.stringMatching(/^test\/fixtures\/backlog\/with-invalid\/02-broken\.md:3: priority: /),
    ]);
  });

  it("resolves a dependency written as an id, a file stem, a slug or #n to the PRP id", async () => {
    const backlog = await readBacklog(resolve("test/fixtures/runner/backlog"));
    expect(["2", "02-farewell", "farewell", "#2"].map(backlog.idOf)).toEqual(["2", "2", "2", "2"]);
    expect(backlog.idOf("unknown")).toBe("unknown");
  });
});
