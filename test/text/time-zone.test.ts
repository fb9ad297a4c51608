import { describe, expect, it } from "vitest";
import { isTimeZone } from "../../src/text/time-zone.js";

describe("isTimeZone", () => {
  it("knows UTC and IANA zones, and refuses names that are none", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
