/* eslint-disable no-control-regex -- the assertions look for control characters on purpose */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeJsonControls, isInert, sanitizeText } from "../../src/text/sanitize.js";

describe("sanitizeText", () => {
  it("keeps ordinary text, newlines, tabs and unicode", () => {
    const text = "Build the API\n\t- criteria: `npm test` passes — ok ✓ $(not run)";
    expect(sanitizeText(text)).toBe(text);
  });

  it("strips CSI sequences, including colours, cursor moves and bracketed-paste markers", () => {
    expect(sanitizeText("\x1b[31mred\x1b[0m \x1b[2J\x1b[H\x1b[?2004l x")).toBe("red  x");
    expect(sanitizeText("a\x1b[201~\nrm -rf /\x1b[200~b")).toBe("a\nrm -rf /b");
  });

  it("strips OSC, DCS, APC, PM and SOS strings with either terminator", () => {
    expect(sanitizeText("a\x1b]0;evil title\x07b")).toBe("ab");
    expect(sanitizeText("a\x1b]52;c;ZWNobyBoaQ==\x1b\\b")).toBe("ab");
    expect(sanitizeText("a\x1bPtmux;\x1b\x1b]0;x\x07\x1b\\b")).toBe("ab");
    expect(sanitizeText("a\x1b_apc\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d")).toBe("abcd");
    expect(sanitizeText("unterminated \x1b]0;everything after")).toBe("unterminated ");
  });

  it("strips 8-bit C1 introducers and their sequences", () => {
    expect(sanitizeText("a\x9b31mb\x9d0;t\x9cc\x90q\x9cd\x85e")).toBe("abcde");
  });

  it("strips other escapes such as a full terminal reset and charset switches", () => {
    expect(sanitizeText("a\x1bcb\x1b(Bc\x1b7d\x1b")).toBe("abcd");
  });

  it("removes C0 controls that a terminal would act on: Ctrl-C, Ctrl-D, Ctrl-Z, backspace, bell, NUL", () => {
    expect(sanitizeText("x\x03y\x04z\x1a\x08\x07\x00\x7f!")).toBe("xyz!");
  });

  it("normalises carriage returns so text cannot overwrite the visible line", () => {
    expect(sanitizeText("safe\rEVIL\r\nnext")).toBe("safe\nEVIL\nnext");
  });

  it("can flatten newlines and tabs for one-line messages", () => {
    expect(sanitizeText("a\nb\tc", { newlines: false, tabs: false })).toBe("a b c");
  });

  it("leaves literal key names and shell syntax as plain words", () => {
    const text = "C-c Enter `touch /tmp/x` $(touch /tmp/x); rm -rf ~ && echo";
    expect(sanitizeText(text)).toBe(text);
  });

  it("does not let removal join fragments into a paste marker", () => {
    expect(sanitizeText("[20\x1b[m0~")).not.toContain("[200~");
    expect(sanitizeText("[2[200~00~")).not.toMatch(/\[20[01]~/);
  });

  it("always returns inert text, whatever the input (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const out = sanitizeText(s);
        expect(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(out)).toBe(false);
        expect(/\[20[01]~/.test(out)).toBe(false);
        expect(isInert(out)).toBe(true);
      }),
    );
  });
});

describe("escapeJsonControls", () => {
  it("escapes DEL and C1 in JSON text and leaves the value as it was", () => {
    const value = { t: "a\x9b2Jb\x7fc\x85d — ✓" };
    const json = escapeJsonControls(JSON.stringify(value));
    expect(json).toBe('{"t":"a\\u009b2Jb\\u007fc\\u0085d — ✓"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
