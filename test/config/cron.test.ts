import { describe, expect, it } from "vitest";
import { isCronExpression } from "../../src/config/index.js";

describe("isCronExpression", () => {
  it("accepts standard five-field expressions with ranges, steps, lists and names", () => {
    for (const expr of [
      "0 18 * * 1-5",
      "*/15 * * * *",
      "0 0,12 1 jan-dec mon",
      "30 2 * * 7",
      " 5 4 * * sun ",
    ]) {
      expect(isCronExpression(expr), expr).toBe(true);
    }
  });

  it("rejects wrong field counts, out-of-range values, reversed ranges and junk", () => {
    for (const expr of [
      "",
      "* * * *",
      "* * * * * *",
      "60 * * * *",
      "* 24 * * *",
      "* * 0 * *",
      "5-1 * * * *",
      "*/0 * * * *",
      "every day",
      "* * * foo *",
    ]) {
      expect(isCronExpression(expr), expr).toBe(false);
    }
  });
});
