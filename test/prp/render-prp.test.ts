import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrp } from "../../src/prp/parse-prp.js";
import { renderPrp } from "../../src/prp/render-prp.js";
import type { Prp } from "../../src/prp/schema.js";
import { prpTextArb } from "./arbitraries.js";
import { fixture, fixtureNames } from "./fixture.js";

/** The fields a round trip must keep: everything but positions, where it came from and the warnings. */
const normalised = (prp: Prp | undefined) => {
  if (!prp) return undefined;
  const { source: _source, warnings: _warnings, criteria, sections, ...rest } = prp;
  return {
    ...rest,
    criteria: criteria.map(({ text, checked }) => ({ text, checked })),
    sections: sections.map(({ heading, level, body }) => ({ heading, level, body })),
  };
};

const reparse = (prp: Prp) => parsePrp(renderPrp(prp)).prp;

describe("renderPrp", () => {
  it("writes our front matter in a fixed order, foreign keys last, then the body as it was", () => {
    const prp = parsePrp(fixture("table-metadata.md")).prp as Prp;
    expect(renderPrp(prp).split("---\n# PRP-7")[0]).toBe(
      [
        "---",
        "title: 'PRP-7: Audit log for admin actions'",
        "role: developer",
        "priority: high",
        "depends_on:",
        "  - 3",
        "  - 5",
        "paths:",
        "  - src/admin/**",
        "  - src/audit/**",
        "validation:",
        "  - npm test -- audit",
        "PRP ID: '7'",
        "Story Points: '5'",
        "Status: Ready for Implementation",
        "",
      ].join("\n"),
    );
  });

  it.each(fixtureNames())("round-trips the fixture %s", (name) => {
    const first = parsePrp(fixture(name)).prp as Prp;
    const second = reparse(first) as Prp;
    expect(normalised(second)).toEqual(normalised(first));
    expect(renderPrp(second)).toBe(renderPrp(first));
  });

  it("round-trips generated PRPs: parse(render(p)) keeps every field, render is a fixed point", () => {
    fc.assert(
      fc.property(prpTextArb, (text) => {
        const first = parsePrp(text).prp as Prp;
        const second = reparse(first) as Prp;
        expect(normalised(second)).toEqual(normalised(first));
        expect(renderPrp(second)).toBe(renderPrp(first));
      }),
      { numRuns: 300 },
    );
  });
});
