import { describe, expect, it } from "vitest";
import { renderTable, tableLines } from "../../src/cli/table.js";

describe("renderTable", () => {
  it("makes each column as wide as its widest cell and never pads the last one", () => {
    expect(
      renderTable(
        [
          ["build-12", "queued", "Add rate limiting"],
          ["t-1", "delayed", ""],
        ],
        { header: ["id", "state", "title"] },
      ),
    ).toBe(
      ["id        state    title", "build-12  queued   Add rate limiting", "t-1       delayed"].join("\n"),
    );
  });

  it("indents, uses the given gap, and lines up with another table through minimum widths", () => {
    expect(tableLines([["pm", "opus"]], { indent: "  ", gap: 1, minWidths: [8] })).toEqual([
      "  pm       opus",
    ]);
  });

  it("renders nothing for no rows", () => {
    expect(renderTable([])).toBe("");
  });
});
