import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLOCK_OFFSET_ENV, supervisorClock } from "../../src/runner/supervisor-clock.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

describe("the supervisor's clock", () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir("lanes-clock");
  });
  afterEach(() => dir.remove());

  it("is the real clock when no offset file is named", () => {
    expect(supervisorClock({})).toBe(Date.now);
  });

  it("adds the milliseconds the offset file holds, read at each use", async () => {
    const file = join(dir.path, "offset");
    const now = supervisorClock({ [CLOCK_OFFSET_ENV]: file });
    // a file not written yet is no offset
    expect(Math.abs(now() - Date.now())).toBeLessThan(1_000);
    await writeFile(file, "600000\n");
    expect(now() - Date.now()).toBeGreaterThan(599_000);
    await writeFile(file, "not a number");
    expect(Math.abs(now() - Date.now())).toBeLessThan(1_000);
  });
});
