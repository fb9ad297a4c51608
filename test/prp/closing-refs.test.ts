import { describe, expect, it } from "vitest";
import { closingIssueNumbers } from "../../src/prp/closing-refs.js";

const repo = { owner: "Octo", repo: "app" };
const refs = (body: string) => closingIssueNumbers(body, repo);

describe("closingIssueNumbers", () => {
  it("reads every GitHub closing keyword in any case", () => {
    const keywords = [
      "close",
      "closes",
      "closed",
      "fix",
      "fixes",
      "fixed",
      "resolve",
      "resolves",
      "resolved",
    ];
    for (const [i, keyword] of keywords.entries()) {
      expect(refs(`${keyword} #${i + 1}`)).toEqual([i + 1]);
      expect(refs(`${keyword.toUpperCase()} #${i + 1}`)).toEqual([i + 1]);
    }
    expect(refs("Closes: #12")).toEqual([12]);
  });

  it("keeps references to the same repository, by owner/repo#n or issue URL, case-insensitively", () => {
    expect(refs("Resolves octo/APP#12")).toEqual([12]);
    expect(refs("Fixes https://github.com/octo/app/issues/13")).toEqual([13]);
    expect(
      refs("Resolves other/app#12, fixes octo/lib#3 and closes https://github.com/other/app/issues/4"),
    ).toEqual([]);
  });

  it("lists several issues in order of first mention, without repeats", () => {
    expect(refs("Closes #5, fixes #3.\n\nAlso closes #5 again (Resolves #9)")).toEqual([5, 3, 9]);
  });

  it("ignores words that merely contain a keyword, mentions without one, and code", () => {
    expect(refs("prefixes #12, unresolved #13, see #14, Closes#15, closes #16abc, closes issue #17")).toEqual(
      [],
    );
    expect(
      refs("Use `closes #12` to link.\n\n```\nfixes #13\n```\n~~~md\nresolves #14\n~~~\nCloses #15"),
    ).toEqual([15]);
  });

  it("returns nothing for an empty or missing body", () => {
    expect(refs("")).toEqual([]);
    expect(closingIssueNumbers(null, repo)).toEqual([]);
    expect(closingIssueNumbers(undefined, repo)).toEqual([]);
  });
});
