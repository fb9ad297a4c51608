import { describe, expect, it } from "vitest";
import { parseAccept, parseReviewAcceptance } from "../../src/gates/criterion-evidence.js";

describe("parseReviewAcceptance", () => {
  it("reads the criteria an approving review names, in any of the ways a reviewer writes them", () => {
    expect(parseReviewAcceptance("Checked criterion 2 by hand.")).toEqual([2]);
    expect(parseReviewAcceptance("criteria #1, 3 and 4 hold; criterion 3 again")).toEqual([1, 3, 4]);
    expect(parseReviewAcceptance("All success criteria verified on staging")).toBe("all");
    expect(parseReviewAcceptance("Fine by me.\n/lanes accept 5")).toEqual([5]);
  });

  it("accepts nothing from an approval that names no criterion", () => {
    expect(parseReviewAcceptance("LGTM")).toBeUndefined();
    expect(parseReviewAcceptance("")).toBeUndefined();
    expect(parseReviewAcceptance("the criteria look odd")).toBeUndefined();
  });
});

describe("parseAccept", () => {
  it("reads /lanes accept with numbers or all, and nothing else", () => {
    expect(parseAccept("/lanes accept 1, 3")).toEqual([1, 3]);
    expect(parseAccept("/lanes accept")).toBe("all");
    expect(parseAccept("criterion 2 is fine")).toBeUndefined();
  });
});
