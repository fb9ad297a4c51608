import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LaneRecord } from "../../src/runner/lane-record.js";
import { addHold, heldReason, holdTarget, readHolds, removeHold } from "../../src/runner/stack-holds.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

describe("stack holds", () => {
  let tmp: TempDir;
  let file: string;
  beforeEach(async () => {
    tmp = await makeTempDir("lanes-holds");
    file = join(tmp.path, "holds.json");
  });
  afterEach(async () => tmp.remove());

  it("keeps the first hold of a PRP, releases it once, and reads nothing from a missing file", async () => {
    expect(await readHolds(file)).toEqual([]);
    expect(await addHold(file, { prp: "api-limits", by: "alice", at: 1 })).toBe(true);
    expect(await addHold(file, { prp: "api-limits", by: "bob", at: 2, reason: "later" })).toBe(false);
    expect(await readHolds(file)).toEqual([{ prp: "api-limits", by: "alice", at: 1 }]);
    expect(await removeHold(file, "api-limits")).toBe(true);
    expect(await removeHold(file, "api-limits")).toBe(false);
  });

  it("names a corrupt holds file instead of ignoring it (a hold must never silently lapse)", async () => {
    await writeFile(file, "{not json");
    await expect(readHolds(file)).rejects.toThrow(/holds.json is not JSON/);
    await writeFile(file, JSON.stringify({ holds: [{ prp: "" }] }));
    await expect(readHolds(file)).rejects.toThrow(/is not a list of holds/);
  });

  it("resolves a window, lane id or branch to the lane's PRP, and anything else to itself", () => {
    const lanes = [
      { id: "job-12", window: "developer-12", branch: "lanes/developer/12-api", issue: 12 },
    ] as LaneRecord[];
    expect(holdTarget(lanes, "developer-12")).toBe("12");
    expect(holdTarget(lanes, "job-12")).toBe("12");
    expect(holdTarget(lanes, "lanes/developer/12-api")).toBe("12");
    expect(holdTarget(lanes, "30")).toBe("30");
    expect(heldReason({ prp: "12", by: "alice", at: 0, reason: "design" })).toBe(
      "held by alice: design (`lanes unhold 12` releases it)",
    );
  });
});
